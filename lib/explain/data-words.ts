/**
 * Words that name the user's data in one sense and something else in another (issue 23, v7 cluster E).
 * @module
 */

/**
 * The site's own "Content", capitalised mid-sentence as a defined term of what it offers ("to remember Content
 * that has interested you", "its assets, including the Content"): not the user's content. Kept when the term
 * is the user's ("Your Content", "User Content", "Content you upload", "any Content that you post") or opens a sentence.
 * Replaced by a word of the same length, so positions (the order of the slot's phrases) do not move.
 */
const SITE_CONTENT =
  /(?<=[a-z0-9,;)] )(?<!\b(?:[Yy]our|[Uu]sers?'?|[Mm]embers?'?|[Cc]ustomers?'?|[Cc]reators?'?|[Ss]ubscribers?'?|[Tt]heir|[Mm]y) )Content\b(?!(?: (?:that|which))? (?:you|users?) (?:(?:may|might|can|could|will|have) )?(?:post|upload|submit|share|create|provide|make|publish|send|store|add|contribut)\w*)/g;

export function withoutSiteContent(text: string): string {
  return text.replace(SITE_CONTENT, 'Catalog');
}

/** "public posts" already says "posts": the card would read "your public posts and posts". */
export function withoutSubsumed(data: string[]): string[] {
  return data.some((d) => d.startsWith('public posts')) ? data.filter((d) => d !== 'posts') : data;
}
