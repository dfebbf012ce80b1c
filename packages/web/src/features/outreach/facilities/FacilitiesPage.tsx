/** Placeholder until its owner builds the page. */
export default function FacilitiesPage() {
  return null;
}
