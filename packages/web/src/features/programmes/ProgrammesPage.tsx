/** Placeholder until its owner builds the page. */
export default function ProgrammesPage() {
  return null;
}
