/** Placeholder until its owner builds the page. */
export default function DocumentsPage() {
  return null;
}
