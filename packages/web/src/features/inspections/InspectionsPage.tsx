/** Placeholder until its owner builds the page. */
export default function InspectionsPage() {
  return null;
}
