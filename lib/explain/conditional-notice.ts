/**
 * Notice of changes that the clause does not promise: given only where the law requires it ("we will, as
 * required by applicable law, notify you"), offered as one measure among others ("notify you, seek your
 * consent and/or take other measures"), or left to the company ("we may notify you"). The card then says
 * nothing of notice rather than "they say they will tell you about changes".
 * @module
 */

const CONDITIONAL_NOTICE =
  /\b(?:as|where|if|when|to the extent)\s+(?:(?:it is|legally)\s+)?(?:required|mandated)\s+(?:by|under)\s+(?:the\s+)?(?:applicable\s+|relevant\s+)?laws?\b|\b(?:notify|inform|tell|alert) you\b[^.;]{0,80}?\band\/or\b|\bmay (?:also )?(?:notify|inform|tell|alert) you\b/i;

export function conditionalNotice(text: string): boolean {
  return CONDITIONAL_NOTICE.test(text);
}
