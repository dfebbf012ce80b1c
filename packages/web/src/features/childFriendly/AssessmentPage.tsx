/** Placeholder until its owner builds the page. */
export default function AssessmentPage() {
  return null;
}
