/** Placeholder until its owner builds the page. */
export default function PlanPage() {
  return null;
}
