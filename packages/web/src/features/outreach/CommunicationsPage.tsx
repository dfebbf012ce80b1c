/** Placeholder until its owner builds the page. */
export default function CommunicationsPage() {
  return null;
}
