/**
 * A sentence that lists several uses, one per item ("We use your information: to run the service; to prevent
 * fraud; to create aggregated statistics, which we use to improve our products; to show you ads"): a label
 * that one item alone states takes its data and purposes from that item, not from its neighbours (the sixth
 * explanation check gave the aggregation item the purposes of fraud prevention and advertising).
 * @module
 */
import type { Slots } from '../types';
import { extractSlots } from './slots';

/** Items of an inline list: at least three, split at semicolons. */
const MIN_ITEMS = 3;

/**
 * The slots of a de-identification label in such a list: the data and purposes of the item that names the
 * safeguard (the first, if several do). `slots` as they are when the sentence is no list, or no item does.
 */
export function safeguardItemSlots(slots: Slots, clause: string): Slots {
  const items = clause.split(';');
  if (items.length < MIN_ITEMS) return slots;
  for (const item of items) {
    const own = extractSlots(item);
    if (own.safeguards.length) return { ...slots, data: own.data, purposes: own.purposes };
  }
  return slots;
}
