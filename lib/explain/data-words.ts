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

/**
 * A word for the user's media or messages used to name something else (issue 23, the data slot read from a
 * modifier): "video viewing history" is a viewing history, "a video communication system" a system, "message
 * routing data" metadata about messages, "photo editing tools" tools. The singular noun directly before a head
 * noun is only that noun's modifier; the plural ("photos and videos you upload"), or the noun followed by a
 * preposition, a verb or a relative ("the video that you post"), stays the user's data.
 *
 * "stor(?:age)", not the bare word: WXT's build scans source text for names it can import, regular expressions
 * included, and a bare `storage` here pulled its storage module (and the polyfill) into every bundle
 * (tests/build/bundle-contents and no-remote-code caught it).
 */
const MODIFIER_OF =
  /\b(?:video|photo|image|picture|message|file|document)(?=[ -](?:viewing|watching|streaming|routing|conferenc\w*|communications?|calls?|calling|chats?|platforms?|systems?|players?|formats?|quality|histor(?:y|ies)|metadata|delivery|hosting|editing|editors?|tools?|features?|services?|software|technolog(?:y|ies)|recognition|processing|analysis|sharing|stor(?:age)|sizes?|types?|names?|views|plays|games?|ads?|advertisements?|campaigns?|providers?)\b)/gi;

/**
 * A data word named as what the data is NOT tied to ("usage data is anonymous and not connected to your IP
 * address", "never linked to your name or e-mail address"): the clause keeps that data out, so the card must not
 * list it. Up to the next clause (", and we …"); the sentence's other data stay.
 */
const NOT_TIED_TO =
  /\b(?:not|never|no longer|without being|cannot be|can't be)\s+(?:be\s+)?(?:directly\s+)?(?:connected|linked|tied|associated|combined|matched|correlated)\s+(?:with|to)\s+(?:(?!,?\s+(?:and|but|or|which|while|so)\s+(?:we|it|they|this|that|the|our|these)\b)[^.;()]){1,80}/gi;

/** Same-length blanks, so positions in the clause (and the order of the slot's phrases) do not move. */
export const blank = (s: string) => s.replace(/\S/g, '_');

/** The clause with data words that name no data of the user's blanked: modifiers and data kept apart. */
export function withoutNonData(text: string): string {
  return withoutSiteContent(text).replace(MODIFIER_OF, blank).replace(NOT_TIED_TO, blank);
}
