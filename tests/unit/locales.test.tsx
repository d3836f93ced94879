/**
 * Every UI language has every message, and a translated UI shows no English of ours: explanations (each
 * category × stance, every slot phrase), the card, change headlines and the CLI's `--locale`.
 */
// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ClauseCard } from '../../components/ClauseCard';
import { changeHeadlineIn } from '../../lib/change-summary';
import { CATEGORY_IDS, STANCES, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import { explainLabelIn, TEMPLATES } from '../../lib/explain';
import { choiceText, slotValueKey, type SlotKind } from '../../lib/explain/slot-text';
import { LEXICON_PHRASES } from '../../lib/explain/slots';
import { SHAPE_KEYS, SLOT_KEYS } from '../../lib/explain/templates';
import { createTranslator, getMessageFromCatalogue, type MessageKey, type Translate } from '../../lib/i18n';
import type { AnalysedClause, ClauseDiff, Label, Slots } from '../../lib/types';
import { run } from '../../scripts/cli';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const dir = resolve(__dirname, '../../public/_locales');
const LOCALES = readdirSync(dir).sort();
const load = (l: string): Record<string, Entry> =>
  JSON.parse(readFileSync(resolve(dir, l, 'messages.json'), 'utf8'));
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, load(l)]));
const en = catalogues.en!;
const tr = (l: string): Translate => createTranslator(getMessageFromCatalogue(catalogues[l]!));
const OTHERS = LOCALES.filter((l) => l !== 'en');

/** Substitutions by placeholder: the name and the position it takes. */
const placeholders = (e: Entry) =>
  Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([k, v]) => [k.toUpperCase(), v.content]));

/** Words of our English sentences that no German, French or Swedish sentence of ours contains. */
const ENGLISH =
  /\b(?:this|says|your|you|may|they|the|and|not|with|can|to|of|is|are|since|added|removed|more)\b/i;
/** Quotes from the policy itself (its wording, not ours) are left out of the check. */
const withoutQuotes = (s: string) => s.replace(/„[^“]*“|«[^»]*»|”[^”]*”|"[^"]*"/g, '');

/** Translations allowed to equal the English, and why. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  headline_policy: ['sv'], // "Policy" is the Swedish word too
  slot_data_messages: ['fr'],
  slot_data_cookies: ['fr'],
  slot_data_notes: ['fr'], // "notes" is the French word too
};

describe('every message in every UI language', () => {
  it.each(OTHERS)('%s has every English key, with the same placeholders at the same positions', (l) => {
    const cat = catalogues[l]!;
    const missing = Object.keys(en).filter((k) => !cat[k]);
    expect(missing).toEqual([]);
    for (const [k, e] of Object.entries(en))
      expect(placeholders(cat[k]!), `${l}:${k}`).toEqual(placeholders(e));
  });

  it('every explanation key the code uses exists (category × stance, nouns, shapes, tails)', () => {
    const keys: string[] = [...Object.values(SHAPE_KEYS), ...Object.values(SLOT_KEYS)];
    for (const c of CATEGORY_IDS) {
      keys.push(TEMPLATES[c].noun);
      for (const s of STANCES) keys.push(TEMPLATES[c].sentences[s].key);
    }
    for (const l of LOCALES)
      for (const k of keys) expect(catalogues[l]![k]?.message, `${l}:${k}`).toBeTruthy();
  });

  it('every phrase the slot lexicons produce has an entry, and English says it as the JSON contract does', () => {
    for (const [kind, phrases] of Object.entries(LEXICON_PHRASES) as [SlotKind, readonly string[]][])
      for (const p of phrases) {
        expect(en[slotValueKey(kind, p)]?.message, `${kind}: ${p}`).toBe(p);
      }
  });

  it('every choice phrase written in lib/explain/slots.ts or choice-shapes.ts has an entry', () => {
    // The choices are literals in extractChoice: read them from the source, so a new one cannot slip by.
    const source = readFileSync(resolve(__dirname, '../../lib/explain/slots.ts'), 'utf8');
    // And the choices of ./choice-shapes.ts, which extractChoice returns as they are.
    const shapes = readFileSync(resolve(__dirname, '../../lib/explain/choice-shapes.ts'), 'utf8');
    const body =
      source.slice(source.indexOf('function extractChoice'), source.indexOf('function extractDefault')) +
      shapes;
    const literals = [...body.matchAll(/(?:return|\?|:)\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(literals.length).toBeGreaterThan(10);
    for (const l of OTHERS)
      for (const p of literals) expect(choiceText(p, tr(l)), `${l}: ${p}`).not.toBeNull();
  });

  it('a choice the clause spells out ("choose to …") is shown in every UI language, quoted', () => {
    for (const l of LOCALES)
      expect(choiceText('choose to keep your wish list private', tr(l)), l).toContain(
        'keep your wish list private',
      );
  });

  it.each(OTHERS)('%s: explanation, slot and headline texts are translated, not copied', (l) => {
    const cat = catalogues[l]!;
    const ours = Object.keys(en).filter((k) => /^(?:explain|slot|headline|notify)_/.test(k));
    expect(ours.length).toBeGreaterThan(150);
    for (const k of ours)
      if (!SAME_AS_ENGLISH[k]?.includes(l) && !/^\$\w+\$$/.test(en[k]!.message))
        expect(cat[k]!.message, `${l}:${k}`).not.toBe(en[k]!.message);
  });
});

const label = (category: CategoryId, stance: Stance): Label => ({
  category,
  stance,
  confidence: 0.9,
  evidence: { phrase: null, rule: null, features: [] },
});

/** Slot fillings that reach every tail: every lexicon phrase in turn, a default, a choice. */
function slotCases(): Slots[] {
  const p = LEXICON_PHRASES;
  const base: Slots = { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null };
  const cases: Slots[] = [base];
  for (let i = 0; i < p.data.length; i += 3)
    cases.push({
      data: p.data.slice(i, i + 3),
      purposes: p.purpose.slice(i % p.purpose.length, (i % p.purpose.length) + 3),
      safeguards: p.safeguard.slice(i % p.safeguard.length, (i % p.safeguard.length) + 2),
      choice: i % 2 ? 'turn it off in settings' : 'opt out of personalised ads',
      scope: p.scope.slice(i % p.scope.length, (i % p.scope.length) + 2),
      default: i % 2 ? 'on' : 'off',
    });
  for (const choice of [...p.choice, 'ask for deletion or have it corrected', 'unsubscribe', 'opt in'])
    cases.push({ ...base, choice });
  return cases;
}

// Team-written clause text: a denial conditional on the user's action, with notice of changes.
const TEXT = 'If you opt out, we will notify you and will not use your chats to train models.';

describe.each(OTHERS)('%s: no English of ours in a translated explanation', (l) => {
  const t = tr(l);
  it('every category × stance with every slot filling', () => {
    let n = 0;
    for (const c of CATEGORY_IDS)
      for (const s of STANCES)
        for (const slots of slotCases()) {
          const text = explainLabelIn(label(c, s), slots, TEXT, t);
          expect(withoutQuotes(text), `${c}/${s}: ${text}`).not.toMatch(ENGLISH);
          expect(text).not.toMatch(/\$|explain_|slot_/);
          n++;
        }
    expect(n).toBeGreaterThan(500);
  });

  it('the explanation card, rendered with the catalogue, shows no English sentence or phrase of ours', () => {
    const host = document.createElement('div');
    const english = Object.entries(en)
      .filter(([k]) => /^(?:explain|slot|card)_/.test(k))
      .map(([, e]) => e.message.replace(/\$\w+\$/g, '').trim())
      .filter((m) => m.length >= 12);
    for (const c of CATEGORY_IDS) {
      const primary = label(c, 'permits');
      const clause: AnalysedClause = {
        id: 'c1',
        text: TEXT,
        section: '',
        headingPath: [],
        block: 0,
        unit: 'sentence',
        labels: [primary, label('data-sale', 'denies')],
        // What the background stores (English): the card must not show it in another language.
        explanation: 'This says your chats may be used to train AI models.',
        slots: slotCases()[1]!,
      };
      render(
        <ClauseCard
          t={t}
          clause={clause}
          primary={primary}
          position={1}
          total={3}
          top={0}
          left={0}
          focusOnOpen={false}
          onClose={() => {}}
          onOpenReport={() => {}}
          onNext={() => {}}
          onPrev={() => {}}
        />,
        host,
      );
      const shown = withoutQuotes(host.textContent ?? '');
      // The clause's own (English) words are only in the evidence, which this clause has none of.
      expect(shown, c).not.toMatch(ENGLISH);
      for (const sentence of english) expect(shown).not.toContain(sentence);
      render(null, host);
    }
  });

  it('change headlines', () => {
    const diff: ClauseDiff = {
      changed: true,
      added: [],
      removed: [],
      modified: [],
      categories: { 'ai-training': { added: 2, removed: 0 }, 'user-choice': { added: 0, removed: 1 } },
    };
    const when = Date.UTC(2026, 4, 3);
    for (const d of [
      diff,
      { ...diff, categories: { 'data-sale': { added: 1, removed: 0 } } },
      { ...diff, categories: {}, added: [], modified: [{} as never] },
      { ...diff, changed: false, categories: {} },
    ]) {
      const line = changeHeadlineIn('', d, when, when, l, t);
      expect(line).not.toMatch(ENGLISH);
      expect(line).not.toMatch(/\$|headline_/);
    }
    expect(t('notify_title' as MessageKey)).not.toMatch(ENGLISH);
  });
});

describe('analyze --locale', () => {
  const SAMPLE = 'data/samples/examplify-privacy-policy.html';
  async function analyze(...extra: string[]) {
    const out: string[] = [];
    const code = await run(['analyze', SAMPLE, '--format', 'json', ...extra], {
      out: (s) => out.push(s),
      err: () => {},
    });
    return { code, json: code === 0 ? JSON.parse(out.join('\n')) : null };
  }
  type Out = { clauses: { labels: { explanation?: string }[]; explanation: string | null }[] };
  const explanations = (j: Out) =>
    j.clauses
      .filter((c) => c.labels.length)
      .flatMap((c) => [c.explanation, ...c.labels.map((l) => l.explanation)]);

  it.each(OTHERS)('%s: every labelled clause is explained in that language', async (l) => {
    const [english, local] = await Promise.all([analyze(), analyze('--locale', l)]);
    const a = explanations(english.json as Out);
    const b = explanations(local.json as Out);
    expect(b.length).toBe(a.length);
    expect(b.length).toBeGreaterThan(20);
    b.forEach((text, i) => {
      expect(text).toBeTruthy();
      expect(text).not.toBe(a[i]);
      expect(withoutQuotes(text!)).not.toMatch(ENGLISH);
    });
  });

  it('defaults to English, takes a region, and refuses a language it has no catalogue for', async () => {
    const [plain, explicit, region, bad] = await Promise.all([
      analyze(),
      analyze('--locale', 'en'),
      analyze('--locale', 'de-AT'),
      analyze('--locale', 'xx'),
    ]);
    expect(explicit.json).toEqual(plain.json);
    expect(explanations(region.json as Out)[0]).toMatch(/^Hier steht|^Sie |^Der Anbieter|^Streit/);
    expect(bad.code).toBe(2);
  });
});
