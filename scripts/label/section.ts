/** Heading path as a record's `section`: joined with " › ", at most 180 characters (keeps the deepest). */
export function sectionOf(path: string[]): string {
  const parts = [...path];
  while (parts.join(' › ').length > 180 && parts.length > 1) parts.shift();
  return parts.join(' › ').slice(0, 180);
}
