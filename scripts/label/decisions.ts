/**
 * Annotators' decision files (guide v2): one JSON object per line, one line per unit id of a shard.
 *   {"id": "<doc>@<start>-<end>#<hash>", "labels": [{"category": "ai-training", "stance": "permits"}],
 *    "hard_negative": false, "slots": {"data": "chats", "choice": "opt-out", "default": "on"},
 *    "by": "guide v2, pass A"}
 * `slots` is optional and only with an ai-training label; `note` (optional, ≤ 300 characters) is the
 * annotator's reason and never leaves the scratch directory. Parsing checks every field against the guide's
 * vocabularies and reports problems by line instead of throwing on the first.
 */
import { isCategoryId, isStance } from '../../lib/classify/taxonomy';
import { BY_PATTERN, isAiWorded, SLOT_VALUES, type AiTrainingSlots, type RecordLabel } from '../dataset';
import { parseUnitId } from './ota-units';

export interface Decision {
  id: string;
  labels: RecordLabel[];
  hard_negative: boolean;
  slots?: AiTrainingSlots;
  by: string;
  note?: string;
}

export interface ParsedDecisions {
  decisions: Decision[];
  problems: string[];
}

const V2_BY = /^guide v2, pass [AB]$/;
const KNOWN = new Set(['id', 'labels', 'hard_negative', 'slots', 'by', 'note']);

/** Parse and check a decision file's text. */
export function parseDecisionFile(text: string): ParsedDecisions {
  const decisions: Decision[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = `line ${i + 1}`;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      problems.push(`${at}: not JSON (${(e as Error).message})`);
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      problems.push(`${at}: not a JSON object`);
      return;
    }
    const p: string[] = [];
    for (const k of Object.keys(v)) if (!KNOWN.has(k)) p.push(`unknown field "${k}"`);
    const id = typeof v.id === 'string' ? v.id : '';
    if (!parseUnitId(id)) p.push('"id" must be a unit id from the shard');
    else if (seen.has(id)) p.push(`unit ${id} decided twice`);
    const labels: RecordLabel[] = [];
    if (!Array.isArray(v.labels)) p.push('"labels" must be an array ([] = none applies)');
    else
      for (const l of v.labels as unknown[]) {
        const o = l as Record<string, unknown> | null;
        if (!o || !isCategoryId(o.category) || !isStance(o.stance)) {
          p.push(`bad label ${JSON.stringify(l)}`);
          continue;
        }
        if (labels.some((x) => x.category === o.category)) p.push(`two stances for ${String(o.category)}`);
        else labels.push({ category: o.category, stance: o.stance });
      }
    if (typeof v.hard_negative !== 'boolean') p.push('"hard_negative" must be true or false');
    const ai = labels.find((l) => l.category === 'ai-training');
    if (v.hard_negative === true && ai && (ai.stance === 'permits' || ai.stance === 'unclear'))
      p.push(`hard_negative cannot be true with ai-training/${ai.stance}`);
    let slots: AiTrainingSlots | undefined;
    if (v.slots !== undefined) {
      if (!ai) p.push('"slots" only with an ai-training label');
      if (!v.slots || typeof v.slots !== 'object' || Array.isArray(v.slots))
        p.push('"slots" must be an object');
      else {
        for (const [k, val] of Object.entries(v.slots)) {
          const allowed = (SLOT_VALUES as Record<string, readonly string[]>)[k];
          if (!allowed) p.push(`unknown slot "${k}"`);
          else if (!allowed.includes(val as string))
            p.push(`slot ${k} must be one of ${allowed.join(' | ')}`);
        }
        slots = v.slots as AiTrainingSlots;
      }
    }
    const by = typeof v.by === 'string' ? v.by : '';
    if (!V2_BY.test(by) || !BY_PATTERN.test(by))
      p.push('"by" must be "guide v2, pass A" or "guide v2, pass B"');
    if (v.note !== undefined && (typeof v.note !== 'string' || v.note.length > 300))
      p.push('"note" must be a string of at most 300 characters');
    if (p.length) {
      problems.push(...p.map((x) => `${at}: ${x}`));
      return;
    }
    seen.add(id);
    decisions.push({
      id,
      labels,
      hard_negative: v.hard_negative as boolean,
      ...(slots && Object.keys(slots).length ? { slots } : {}),
      by,
      ...(typeof v.note === 'string' ? { note: v.note } : {}),
    });
  });
  return { decisions, problems };
}

/**
 * The hard-negative flag a record gets (guide §5): the annotator's flag, or always for ai-training denials
 * and user prohibitions, or an AI-worded unit without an ai-training `permits`/`unclear` label.
 */
export function hardNegativeOf(d: Pick<Decision, 'labels' | 'hard_negative'>, text: string): boolean {
  const ai = d.labels.find((l) => l.category === 'ai-training');
  if (ai?.stance === 'permits' || ai?.stance === 'unclear') return false;
  return d.hard_negative || ai?.stance === 'denies' || ai?.stance === 'user-prohibited' || isAiWorded(text);
}
