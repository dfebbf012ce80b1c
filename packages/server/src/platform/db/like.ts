/**
 * A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped so that user input is
 * literal (`%` or `_` typed in a search box must not match everything).
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
