/** Placeholder until its owner builds the page. */
export default function SessionPage() {
  return null;
}
