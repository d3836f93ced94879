/**
 * Data kept "only" in named places ("Your data is only stored in Norway or within the EU/EEA"): the region limit
 * the guide reads as `denies` for international-transfer (guide §3, settled 2026-12-08), `unclear` when hedged
 * as a rule with exceptions left open. A sentence that also names a transfer out is left to the other rules.
 * @module
 */
import type { Stance } from '../taxonomy';

const ONLY_IN_PLACE =
  /\b(?:only|solely|exclusively) (?:be )?(?:processed|stored|hosted|kept|held|located)(?: and (?:processed|stored|hosted|kept|held))? (?:in|within) (?:the )?[A-Z]/;
const TRANSFER_OUT = /\boutside\b|\bthird countr|\btransfer|\babroad\b|\bexcept\b|\bunless\b/i;
const HEDGED =
  /\bas a (?:general )?rule\b|\bgenerally\b|\bin principle\b|\bnormally\b|\bprimarily\b|\bmainly\b|\busually\b/i;

/** The stance of a region limit, or null when the sentence is not one. */
export function regionLimitStance(text: string): Stance | null {
  if (!ONLY_IN_PLACE.test(text) || TRANSFER_OUT.test(text)) return null;
  return HEDGED.test(text) ? 'unclear' : 'denies';
}
