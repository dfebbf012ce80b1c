/** Placeholder until its owner builds the page. */
export default function ActivityPage() {
  return null;
}
