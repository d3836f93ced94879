/**
 * Notice of changes that the clause does not promise: given only where the law requires it ("we will, as
 * required by applicable law, notify you"), offered as one measure among others ("notify you, seek your
 * consent and/or take other measures"), or left to the company ("we may notify you", "we may choose to notify you"). The card then says
 * nothing of notice rather than "they say they will tell you about changes".
 * @module
 */

/** "as required by law", "where required by applicable law". */
const LAW = String.raw`\b(?:as|where|if|when|to the extent)\s+(?:(?:it is|legally)\s+)?(?:required|mandated)\s+(?:by|under)\s+(?:the\s+)?(?:applicable\s+|relevant\s+)?laws?\b`;
const NOTIFY = String.raw`\b(?:notify|inform|tell|alert) you\b`;

/**
 * The law's condition governs the notice when it comes before it ("we will, as required by law, notify you") or
 * after it with no other verb between ("notify you of changes as required by law"; not "notify you and take
 * other steps as required by law").
 */
const CONDITIONAL_NOTICE = new RegExp(
  String.raw`${LAW}[^.;]{0,40}?${NOTIFY}|${NOTIFY}(?:(?!\band\b)[^.;]){0,80}?${LAW}|${NOTIFY}[^.;]{0,80}?\band/or\b|\bmay (?:also )?(?:(?:choose|decide|elect) to )?(?:notify|inform|tell|alert) you\b`,
  'i',
);

export function conditionalNotice(text: string): boolean {
  return CONDITIONAL_NOTICE.test(text);
}
