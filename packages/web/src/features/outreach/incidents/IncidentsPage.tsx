/** Placeholder until its owner builds the page. */
export default function IncidentsPage() {
  return null;
}
