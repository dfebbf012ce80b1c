/** Placeholder until its owner builds the page. */
export default function ChildFriendlyPage() {
  return null;
}
