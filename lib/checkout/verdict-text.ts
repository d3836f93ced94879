/**
 * The verdict (./verdict.ts) in words: one sentence per finding with its key slot, one per reassurance, and
 * one line for everything else. The report page (full) and the toolbar popup (short) both render these
 * lines, so a buyer reads the same words in both places. Pure over a translator (`_locales` messages); the
 * data and choice phrases inside come from lib/explain's slot vocabulary, which is English.
 * @module
 */
import { formatterFor } from '../format';
import { categoryNameKey, translatePlural, type MessageKey, type Translate } from '../i18n';
import type { CategoryId } from '../classify/taxonomy';
import type { Verdict, VerdictFacts, VerdictFinding, VerdictQuote, VerdictTopic } from './verdict';

export interface VerdictLine {
  /** What the line is about: a finding's topic or a reassurance's category. */
  id: VerdictTopic | CategoryId;
  /** The sentence(s), key slot included. */
  text: string;
  /** The key slot alone, shown emphasised before the sentence; null when the finding has none. */
  slot: string | null;
  quotes: VerdictQuote[];
}

export interface VerdictText {
  findings: VerdictLine[];
  reassurances: VerdictLine[];
  /** "Everything else: Retention 2 · Your choices 3", or null when there is nothing else. */
  others: string | null;
  /** Set when the document had nothing to flag at all. */
  nothing: string | null;
}

/** "your files and photos" from slot vocabulary, or the topic's general noun. */
function dataPhrase(t: Translate, facts: VerdictFacts, fallback: MessageKey): string {
  const data = facts.data ?? [];
  if (data.length === 0) return t(fallback);
  const words = data.map((d) => d.replace(/^your /, ''));
  const joined =
    words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} ${t('verdict_and')} ${words.at(-1)!}`;
  return t('verdict_your', [joined]);
}

function choiceSlot(t: Translate, facts: VerdictFacts): { sentence: string; slot: string } {
  if (facts.defaultOff) return { sentence: t('verdict_default_off'), slot: t('verdict_slot_opt_in') };
  if (facts.choice) return { sentence: t('verdict_choice', [facts.choice]), slot: facts.choice };
  return { sentence: t('verdict_no_opt_out'), slot: t('verdict_slot_no_opt_out') };
}

function findingLine(t: Translate, f: VerdictFinding, locale: string | undefined): VerdictLine {
  const facts = f.facts;
  const parts: string[] = [];
  let slot: string | null = null;
  switch (f.topic) {
    case 'arbitration': {
      parts.push(
        t(
          facts.binding && facts.classWaiver
            ? 'verdict_arbitration_binding_waiver'
            : facts.binding
              ? 'verdict_arbitration_binding'
              : facts.classWaiver
                ? 'verdict_arbitration_waiver'
                : 'verdict_arbitration',
        ),
      );
      if (facts.optOutDays !== undefined) {
        const formatter = formatterFor(locale);
        parts.push(translatePlural(t, 'verdict_opt_out_days', facts.optOutDays, formatter));
        slot = translatePlural(t, 'verdict_slot_opt_out_days', facts.optOutDays, formatter);
      } else if (facts.optOut) {
        parts.push(t('verdict_opt_out'));
        slot = t('verdict_slot_opt_out');
      } else {
        parts.push(t('verdict_no_opt_out'));
        slot = t('verdict_slot_no_opt_out');
      }
      break;
    }
    case 'ai-training': {
      parts.push(t('verdict_ai_training', [dataPhrase(t, facts, 'verdict_data_content')]));
      const c = choiceSlot(t, facts);
      parts.push(c.sentence);
      slot = c.slot;
      break;
    }
    case 'data-sale': {
      parts.push(t('verdict_data_sale', [dataPhrase(t, facts, 'verdict_data_personal')]));
      const c = choiceSlot(t, facts);
      parts.push(c.sentence);
      slot = c.slot;
      break;
    }
    case 'data-sharing': {
      const data = dataPhrase(t, facts, 'verdict_data_personal');
      parts.push(t(facts.forAdvertising ? 'verdict_data_sharing_ads' : 'verdict_data_sharing', [data]));
      if (facts.choice) {
        parts.push(t('verdict_choice', [facts.choice]));
        slot = facts.choice;
      } else if (facts.forAdvertising) slot = t('verdict_slot_advertising');
      break;
    }
    case 'targeted-advertising': {
      parts.push(t('verdict_targeted_advertising', [dataPhrase(t, facts, 'verdict_data_activity')]));
      const c = choiceSlot(t, facts);
      parts.push(c.sentence);
      slot = c.slot;
      break;
    }
    case 'auto-renewal':
      parts.push(t(facts.untilCancelled ? 'verdict_auto_renewal_until_cancel' : 'verdict_auto_renewal'));
      slot = t(facts.untilCancelled ? 'verdict_slot_until_cancel' : 'verdict_slot_renews');
      break;
    case 'unilateral-change':
      parts.push(t('verdict_unilateral_change'));
      parts.push(t(facts.notice ? 'verdict_change_notice' : 'verdict_change_no_notice'));
      slot = t(facts.notice ? 'verdict_slot_notice' : 'verdict_slot_no_notice');
      break;
  }
  return { id: f.topic, text: parts.join(' '), slot, quotes: f.quotes };
}

const REASSURANCE_KEY: Partial<Record<CategoryId, MessageKey>> = {
  'data-sale': 'verdict_reassure_data_sale',
  'ai-training': 'verdict_reassure_ai_training',
  'targeted-advertising': 'verdict_reassure_targeted_advertising',
  'data-sharing': 'verdict_reassure_data_sharing',
  'unilateral-change': 'verdict_reassure_unilateral_change',
};

/** The verdict's lines in the UI language. */
export function verdictText(verdict: Verdict, t: Translate, locale?: string): VerdictText {
  const findings = verdict.findings.map((f) => findingLine(t, f, locale));
  const reassurances = verdict.reassurances.flatMap((r): VerdictLine[] => {
    const key = REASSURANCE_KEY[r.category];
    return key ? [{ id: r.category, text: t(key), slot: null, quotes: r.quotes }] : [];
  });
  const others = verdict.others.length
    ? t('verdict_others', [
        verdict.others.map((o) => `${t(categoryNameKey(o.category))} ${o.count}`).join(' · '),
      ])
    : null;
  const nothing = verdict.evidenceClauses === 0 ? t('verdict_nothing') : null;
  return { findings, reassurances, others, nothing };
}
