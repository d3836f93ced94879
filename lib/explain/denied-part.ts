/**
 * A sentence that permits a practice and then denies part of it ("we share browser types with our hosting
 * providers, but we never share anything that could tie your chats to you"): the data named only in the
 * denial are what the company does not do, so a card whose labels all permit must not list them (the sixth
 * explanation check read "your chats may be shared" from such a denial).
 * @module
 */
import { asciiPunctuation } from '../ascii-punctuation';
import type { Label, Slots } from '../types';
import { extractSlots } from './slots';

/**
 * ", but we never …", "; however, DuckDuckGo does not …": the company denying, after the permitted part. Not
 * "but is not limited to" nor "but never longer than three years" (a limit, no denial).
 */
const DENIAL_AFTER =
  /[,;]?\s+\b(?:[Bb]ut|[Hh]owever|[Aa]lthough|[Tt]hough|[Yy]et)\b,?\s+(?:[Ww]e|[Tt]hey|[Ii]t|the company|[A-Z][\w.-]*)\s+(?:(?:will|shall|can|do|does|would)\s*n[o']t|never|cannot)\b/;

/**
 * Categories whose sentences never name the user's data: an arbitration or change-of-terms clause is about
 * disputes or the terms, so a data word in it ("documents" submitted to an arbitrator, "a video conference",
 * "the availability of any feature or content") names nothing of the user's that is used or shared. A card
 * whose every label is one of these lists no data (issue 23: five such rows over the checks).
 */
const CONTRACT_ONLY: ReadonlySet<string> = new Set(['arbitration', 'unilateral-change']);

/** Too short to be a part that permits anything ("But we never…" opening a sentence). */
const MIN_HEAD = 20;

/**
 * The data a card may list for these labels: none when every label is a contract term's (above); only the data
 * the permitted part names, when every label permits and the sentence denies part of the practice after it;
 * else `slots` unchanged (a label that denies is about the denied part's data).
 */
export function permittedPartData(
  slots: Slots,
  text: string,
  labels: readonly (Pick<Label, 'stance'> & Partial<Pick<Label, 'category'>>)[],
): Slots {
  if (labels.length > 0 && labels.every((l) => l.category && CONTRACT_ONLY.has(l.category)))
    return slots.data.length ? { ...slots, data: [] } : slots;
  if (labels.length === 0 || labels.some((l) => l.stance !== 'permits')) return slots;
  const t = asciiPunctuation(text);
  const m = DENIAL_AFTER.exec(t);
  if (!m || m.index < MIN_HEAD) return slots;
  const head = extractSlots(t.slice(0, m.index)).data;
  return head.length === slots.data.length ? slots : { ...slots, data: head };
}
