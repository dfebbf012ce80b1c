/** Placeholder until its owner builds the page. */
export default function ProgrammePage() {
  return null;
}
