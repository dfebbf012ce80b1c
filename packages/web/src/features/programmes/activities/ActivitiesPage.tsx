/** Placeholder until its owner builds the page. */
export default function ActivitiesPage() {
  return null;
}
