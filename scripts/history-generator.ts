/**
 * Synthetic policy histories for the benchmarks and for trying the history page at scale: N documents on N
 * sites (privacy policies and terms), each with 2–4 versions that add, drop and reword clauses over weeks, a
 * visit, and on documents that changed a stored change headline. Every sentence is team-written here from
 * templates (no corpus text); labels follow each template's meaning, with choices and denials.
 *
 * The output is a Fineprint export (format 2, JSON Lines; lib/export-import.ts), so a history is loaded the
 * way a user restores a backup: `historyLines()` in code (the benchmark imports it in the service worker), or
 * `npx tsx scripts/history-generator.ts --documents 1000 > history.jsonl` and Options → Import.
 *
 * Versions are short (4–8 clauses) so that 10,000 documents with their versions stay within the store's
 * 200 MB cap, which a history of full-length policies could not.
 * @module
 */
import type { AnalysedClause, Label, PageKind } from '../lib/types';
import type { CategoryId, Stance } from '../lib/classify/taxonomy';
// The same seed gives the same history.
import { mulberry32 } from './train/random';

type Template = { text: string; labels: [CategoryId, Stance][]; choice?: string };

const DATA = [
  'email address',
  'location history',
  'purchase records',
  'voice recordings',
  'contacts',
  'photos',
];
const PARTNERS = [
  'advertising partners',
  'analytics providers',
  'affiliated companies',
  'payment processors',
];
const PERIODS = ['30 days', 'one year', 'three years', 'as long as your account is open'];

/** Team-written sentence shapes; `{data}`, `{partner}`, `{period}` and `{company}` are filled per document. */
const TEMPLATES: Template[] = [
  { text: 'We collect your {data} when you use {company} services.', labels: [] },
  {
    text: 'We may use your {data} and the content you submit to train and improve our machine learning models.',
    labels: [['ai-training', 'permits']],
  },
  {
    text: 'You can opt out of the use of your content for model training in your privacy settings.',
    labels: [
      ['ai-training', 'permits'],
      ['user-choice', 'permits'],
    ],
    choice: 'privacy settings',
  },
  {
    text: '{company} does not use your private messages to train artificial intelligence models.',
    labels: [['ai-training', 'denies']],
  },
  {
    text: 'We share your {data} with {partner} to provide the service.',
    labels: [['data-sharing', 'permits']],
  },
  { text: 'We do not sell your personal information.', labels: [['data-sale', 'denies']] },
  {
    text: 'We may sell or rent your {data} to {partner} for their own marketing.',
    labels: [['data-sale', 'permits']],
  },
  {
    text: 'We show you personalised ads based on your {data}; you can turn this off in ad settings.',
    labels: [
      ['targeted-advertising', 'permits'],
      ['user-choice', 'permits'],
    ],
    choice: 'ad settings',
  },
  { text: 'We keep your {data} for {period}.', labels: [['data-retention', 'permits']] },
  {
    text: 'Your information may be transferred to and processed in countries other than your own.',
    labels: [['international-transfer', 'permits']],
  },
  {
    text: 'We may make automated decisions about your eligibility using your {data}.',
    labels: [['automated-decisions', 'unclear']],
  },
  {
    text: 'We remove names and identifiers before sharing aggregated statistics.',
    labels: [['de-identification', 'permits']],
  },
  {
    text: 'You grant {company} a worldwide, royalty-free licence to use, copy and modify the content you post.',
    labels: [['content-license', 'permits']],
  },
  {
    text: 'Any dispute will be resolved by binding individual arbitration, and you waive class actions.',
    labels: [['arbitration', 'permits']],
  },
  {
    text: 'We may change these terms at any time, and your continued use means you accept the changes.',
    labels: [['unilateral-change', 'permits']],
  },
  {
    text: 'You may not use automated means to scrape the service to train models.',
    labels: [['ai-training', 'user-prohibited']],
  },
  { text: 'Contact our privacy team at the address below with any questions.', labels: [] },
  { text: 'This section explains how {company} handles cookies and similar technologies.', labels: [] },
];

const SLOTS = { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null };

function fill(text: string, pick: <T>(xs: readonly T[]) => T, company: string): string {
  return text
    .replaceAll('{data}', pick(DATA))
    .replaceAll('{partner}', pick(PARTNERS))
    .replaceAll('{period}', pick(PERIODS))
    .replaceAll('{company}', company);
}

function clauseOf(t: Template, text: string, i: number, version: number): AnalysedClause {
  const labels = t.labels.map(([category, stance]): Label => ({
    category,
    stance,
    confidence: 0.9,
    evidence: { phrase: null, rule: null, features: [] },
  }));
  return {
    id: `v${version}c${i}`,
    text,
    section: `Section ${Math.floor(i / 4) + 1}`,
    headingPath: [`Section ${Math.floor(i / 4) + 1}`],
    block: i,
    unit: 'sentence',
    labels,
    explanation: null,
    slots: t.choice ? { ...SLOTS, choice: t.choice } : SLOTS,
  };
}

/** A cheap stand-in for the store's fingerprint: distinct per text, which is all a history needs. */
function hashOf(clauses: readonly AnalysedClause[]): string {
  let h = 2166136261;
  for (const c of clauses)
    for (let i = 0; i < c.text.length; i++) h = Math.imul(h ^ c.text.charCodeAt(i), 16777619);
  return `gen${(h >>> 0).toString(16)}${clauses.length}`;
}

export interface GeneratedDocument {
  url: string;
  title: string;
  kind: PageKind;
  versions: { clauses: AnalysedClause[]; hash: string; firstSeen: number; lastSeen: number }[];
}

/** Document `d` of a history made with `seed`, its versions between `now` − 400 days and `now`. */
export function generateDocument(d: number, now: number, seed = 26): GeneratedDocument {
  const random = mulberry32(seed * 1_000_003 + d);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const kind: PageKind = random() < 0.7 ? 'privacy-policy' : 'terms';
  const company = `Example${d}`;
  const size = 4 + Math.floor(random() * 5);
  let texts: { t: Template; text: string }[] = Array.from({ length: size }, () => {
    const t = pick(TEMPLATES);
    return { t, text: fill(t.text, pick, company) };
  });
  const versionCount = 2 + Math.floor(random() * 3);
  const day = 86_400_000;
  let at = now - Math.floor(random() * 400) * day - versionCount * 30 * day;
  const versions: GeneratedDocument['versions'] = [];
  for (let v = 0; v < versionCount; v++) {
    if (v > 0) {
      // A new version: one clause reworded, one added, sometimes one dropped.
      texts = texts.map((x, i) => (i === v % texts.length ? { ...x, text: `${x.text} (updated)` } : x));
      const t = pick(TEMPLATES);
      texts.splice(Math.floor(random() * texts.length), 0, { t, text: fill(t.text, pick, company) });
      if (random() < 0.4 && texts.length > 6) texts.splice(Math.floor(random() * texts.length), 1);
    }
    const clauses = texts.map((x, i) => clauseOf(x.t, x.text, i, v));
    at += (10 + Math.floor(random() * 50)) * day;
    const firstSeen = Math.min(at, now - (versionCount - v));
    versions.push({ clauses, hash: hashOf(clauses), firstSeen, lastSeen: firstSeen + day });
  }
  const path = kind === 'terms' ? 'terms' : 'privacy';
  return {
    url: `https://www.site${d}.example/${path}`,
    title: `${company} ${kind === 'terms' ? 'Terms of Service' : 'Privacy Policy'}`,
    kind,
    versions,
  };
}

/**
 * The lines of a Fineprint export holding `documents` generated documents: version ids are numbered from 1 in
 * order; the visit is on the newest version but one on a third of the documents (a change not yet seen), with
 * a stored change headline on those.
 */
export function* historyLines(documents: number, now = Date.now(), seed = 26): Generator<string> {
  yield JSON.stringify({ format: 'fineprint-history', version: 2, exportedAt: now });
  let id = 0;
  const counts = { documents: 0, versions: 0, visits: 0, checks: 0 };
  for (let d = 0; d < documents; d++) {
    const doc = generateDocument(d, now, seed);
    const ids = doc.versions.map(() => ++id);
    const latest = doc.versions.at(-1)!;
    const seenIndex = d % 3 === 0 ? doc.versions.length - 2 : doc.versions.length - 1;
    const record = {
      url: doc.url,
      title: doc.title,
      kind: doc.kind,
      language: 'en',
      firstSeen: doc.versions[0]!.firstSeen,
      lastSeen: latest.lastSeen,
      latestVersionId: ids.at(-1)!,
      ...(seenIndex < doc.versions.length - 1
        ? {
            lastChange: {
              at: latest.firstSeen,
              fromVersionId: ids[seenIndex]!,
              toVersionId: ids.at(-1)!,
              headline: `${doc.title}: 1 clause added, 1 reworded since you last read it`,
              categories: {},
              added: 1,
              removed: 0,
              modified: 1,
            },
          }
        : {}),
    };
    yield JSON.stringify({ type: 'document', record });
    for (const [i, v] of doc.versions.entries()) {
      yield JSON.stringify({
        type: 'version',
        record: {
          id: ids[i],
          url: doc.url,
          hash: v.hash,
          title: doc.title,
          language: 'en',
          clauses: v.clauses,
          firstSeen: v.firstSeen,
          lastSeen: v.lastSeen,
          source: 'visit',
        },
      });
    }
    yield JSON.stringify({
      type: 'visit',
      record: { url: doc.url, versionId: ids[seenIndex], seenAt: doc.versions[seenIndex]!.lastSeen },
    });
    counts.documents++;
    counts.versions += doc.versions.length;
    counts.visits++;
  }
  yield JSON.stringify({ end: counts });
}

// `npx tsx scripts/history-generator.ts --documents N [--seed S]`: the export on stdout.
if (typeof process !== 'undefined' && process.argv[1]?.endsWith('history-generator.ts')) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  for (const line of historyLines(arg('--documents', 1000), Date.now(), arg('--seed', 26)))
    process.stdout.write(`${line}\n`);
}
