/**
 * The label record of one occurrence of a decided text in the pool: where it stands (document, offsets,
 * section, service, licence) comes from the unit, what was decided comes from the caller. Shared by
 * apply-batch (new decisions) and propagate (old decisions on new occurrences).
 * @module
 */
import { cleanClauseText, type LabelRecord } from '../dataset';
import type { PoolUnit } from './corpus-units';
import { sectionOf } from './section';

export type Decided = Pick<LabelRecord, 'labels' | 'hard_negative' | 'by' | 'use'>;

/** The record for `u`; throws when the unit's offsets no longer cut out the text that was decided. */
export function unitRecord(u: PoolUnit, decided: Decided): LabelRecord {
  if (cleanClauseText(u.doc.text.slice(u.unit.start, u.unit.end)) !== u.clean)
    throw new Error('offset drift');
  return {
    doc: u.doc.doc,
    extractor: u.doc.extractor,
    start: u.unit.start,
    end: u.unit.end,
    hash: u.hash,
    ...(u.unit.leadIn ? { lead_in: [u.unit.leadIn.start, u.unit.leadIn.end] as [number, number] } : {}),
    section: sectionOf(u.unit.headingPath),
    service: u.doc.service,
    licence: u.doc.licence,
    labels: decided.labels,
    hard_negative: decided.hard_negative,
    by: decided.by,
    ...(decided.use ? { use: decided.use } : {}),
  };
}
