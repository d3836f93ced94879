/**
 * Field-by-field checks of history records that come from outside the store (an import file). Each check
 * rebuilds the record from the fields it knows, with their types, ranges and the taxonomy's categories and
 * stances; unknown fields are dropped, a wrong one rejects the record with a reason. Addresses must be http(s)
 * (no `javascript:`, `data:`, `file:`…). Page-supplied titles are cleaned of bidi controls
 * (lib/store/sanitize.ts). Sizes and byte sums are never taken from the file: the store counts them itself.
 * @module
 */
import { isCategoryId, isStance, type CategoryId } from '../classify/taxonomy';
import type { AnalysedClause, Label, PageKind, Slots } from '../types';
import { cleanLine, cleanTitle } from './sanitize';
import type { CheckRecord, DocumentRecord, StoredChange, VersionRecord, VisitRecord } from './schema';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Bounds well above anything real (the longest stored clause text is a few thousand characters). */
export const RECORD_LIMITS = {
  url: 4096,
  text: 100_000,
  short: 2_000,
  clauses: 50_000,
  labels: 32,
  list: 200,
} as const;

class Bad extends Error {}
const bad = (path: string, what: string): never => {
  throw new Bad(`${path}: ${what}`);
};

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function obj(x: unknown, path: string): Record<string, unknown> {
  return isObj(x) ? x : bad(path, 'not an object');
}
function str(x: unknown, path: string, max: number = RECORD_LIMITS.short): string {
  if (typeof x !== 'string') return bad(path, 'not text');
  return x.length > max ? bad(path, `longer than ${max} characters`) : x;
}
function num(x: unknown, path: string): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : bad(path, 'not a number');
}
/** A time in ms since the epoch (0 allowed: old records). */
function time(x: unknown, path: string): number {
  const n = num(x, path);
  return n >= 0 && n < 1e14 ? n : bad(path, 'not a time');
}
function id(x: unknown, path: string): number {
  const n = num(x, path);
  return Number.isSafeInteger(n) && n >= 1 ? n : bad(path, 'not a record id');
}
function count(x: unknown, path: string): number {
  const n = num(x, path);
  return Number.isSafeInteger(n) && n >= 0 ? n : bad(path, 'not a count');
}
function nullableStr(x: unknown, path: string, max?: number): string | null {
  return x === null ? null : str(x, path, max);
}
function oneOf<T extends string>(x: unknown, values: readonly T[], path: string): T {
  return typeof x === 'string' && (values as readonly string[]).includes(x)
    ? (x as T)
    : bad(path, `not one of ${values.join(', ')}`);
}
function strings(x: unknown, path: string, max: number = RECORD_LIMITS.short): string[] {
  if (!Array.isArray(x)) return bad(path, 'not a list');
  if (x.length > RECORD_LIMITS.list) bad(path, `more than ${RECORD_LIMITS.list} items`);
  return x.map((s, i) => str(s, `${path}[${i}]`, max));
}
/** Absent → the default; present → checked. Older exports may lack a structure added later. */
function orDefault<T>(x: unknown, fallback: T, check: (x: unknown) => T): T {
  return x === undefined ? fallback : check(x);
}

/** An absolute http(s) address without credentials, in its serialised form (as the store keys it). */
export function httpAddress(x: unknown, path = 'url'): string {
  const s = str(x, path, RECORD_LIMITS.url);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return bad(path, 'not an address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    bad(path, `${url.protocol} addresses are refused`);
  if (url.username || url.password) bad(path, 'credentials in the address');
  if (url.href !== s) bad(path, 'not in the form Fineprint stores');
  return s;
}

const KINDS: readonly PageKind[] = ['privacy-policy', 'terms', 'checkout', 'other'];
const UNITS = ['sentence', 'list-item', 'heading', 'cell'] as const;

function label(x: unknown, path: string): Label {
  const o = obj(x, path);
  if (!isCategoryId(o.category)) bad(`${path}.category`, `unknown category ${JSON.stringify(o.category)}`);
  if (!isStance(o.stance)) bad(`${path}.stance`, `unknown stance ${JSON.stringify(o.stance)}`);
  const confidence = num(o.confidence, `${path}.confidence`);
  if (confidence < 0 || confidence > 1) bad(`${path}.confidence`, 'not between 0 and 1');
  const evidence = orDefault(o.evidence, { phrase: null, rule: null, features: [] }, (e) => {
    const ev = obj(e, `${path}.evidence`);
    return {
      phrase: nullableStr(ev.phrase, `${path}.evidence.phrase`, RECORD_LIMITS.text),
      rule: nullableStr(ev.rule, `${path}.evidence.rule`),
      features: orDefault(ev.features, [], (f) => strings(f, `${path}.evidence.features`)),
    };
  });
  const out: Label = {
    category: o.category as CategoryId,
    stance: o.stance as Label['stance'],
    confidence,
    evidence,
  };
  // A label's own sentence, where the build that stored it writes one.
  if (o.explanation !== undefined)
    out.explanation = str(o.explanation, `${path}.explanation`, RECORD_LIMITS.text);
  return out;
}

const EMPTY_SLOTS: Slots = { data: [], purposes: [], safeguards: [], choice: null, scope: [], default: null };

function slots(x: unknown, path: string): Slots {
  const o = obj(x, path);
  const list = (k: 'data' | 'purposes' | 'safeguards' | 'scope') =>
    orDefault(o[k], [], (v) => strings(v, `${path}.${k}`));
  return {
    data: list('data'),
    purposes: list('purposes'),
    safeguards: list('safeguards'),
    scope: list('scope'),
    choice: orDefault(o.choice, null, (v) => nullableStr(v, `${path}.choice`)),
    default: orDefault(o.default, null, (v) =>
      v === null ? null : oneOf(v, ['on', 'off'] as const, `${path}.default`),
    ),
  };
}

function clause(x: unknown, path: string): AnalysedClause {
  const o = obj(x, path);
  if (!Array.isArray(o.labels)) bad(`${path}.labels`, 'not a list');
  const labels = o.labels as unknown[];
  if (labels.length > RECORD_LIMITS.labels) bad(`${path}.labels`, 'too many labels');
  const out: AnalysedClause = {
    id: str(o.id, `${path}.id`, 200),
    text: str(o.text, `${path}.text`, RECORD_LIMITS.text),
    section: str(o.section, `${path}.section`, RECORD_LIMITS.text),
    headingPath: strings(o.headingPath, `${path}.headingPath`, RECORD_LIMITS.text),
    block: count(o.block, `${path}.block`),
    unit: orDefault(o.unit, 'sentence' as const, (u) => oneOf(u, UNITS, `${path}.unit`)),
    labels: labels.map((l, i) => label(l, `${path}.labels[${i}]`)),
    explanation: orDefault(o.explanation, null, (e) =>
      nullableStr(e, `${path}.explanation`, RECORD_LIMITS.text),
    ),
    slots: orDefault(o.slots, EMPTY_SLOTS, (s) => slots(s, `${path}.slots`)),
  };
  if (o.leadIn !== undefined) out.leadIn = str(o.leadIn, `${path}.leadIn`, RECORD_LIMITS.text);
  // Optional fields of builds that keep them: a unit that states nothing, and weaker ("possible") labels.
  if (o.statement !== undefined) {
    if (o.statement !== false) bad(`${path}.statement`, 'not false');
    out.statement = false;
  }
  if (o.possible !== undefined) {
    if (!Array.isArray(o.possible)) bad(`${path}.possible`, 'not a list');
    const possible = o.possible as unknown[];
    if (possible.length > RECORD_LIMITS.labels) bad(`${path}.possible`, 'too many labels');
    out.possible = possible.map((l, i) => label(l, `${path}.possible[${i}]`));
  }
  return out;
}

function change(x: unknown, path: string): StoredChange {
  const o = obj(x, path);
  const cats = obj(o.categories, `${path}.categories`);
  const categories: StoredChange['categories'] = {};
  for (const [k, v] of Object.entries(cats)) {
    if (!isCategoryId(k)) bad(`${path}.categories`, `unknown category ${JSON.stringify(k)}`);
    const c = obj(v, `${path}.categories.${k}`);
    const entry: { added: number; removed: number; modified?: number } = {
      added: count(c.added, `${path}.categories.${k}.added`),
      removed: count(c.removed, `${path}.categories.${k}.removed`),
    };
    if (c.modified !== undefined) entry.modified = count(c.modified, `${path}.categories.${k}.modified`);
    categories[k as CategoryId] = entry;
  }
  return {
    at: time(o.at, `${path}.at`),
    fromVersionId: id(o.fromVersionId, `${path}.fromVersionId`),
    toVersionId: id(o.toVersionId, `${path}.toVersionId`),
    headline: cleanLine(str(o.headline, `${path}.headline`), RECORD_LIMITS.short),
    categories,
    added: count(o.added, `${path}.added`),
    removed: count(o.removed, `${path}.removed`),
    modified: count(o.modified, `${path}.modified`),
  };
}

function attempt<T>(build: () => T): Checked<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A document row from outside; its `bytes` is left out (the store counts it). */
export function checkDocument(x: unknown): Checked<DocumentRecord> {
  return attempt(() => {
    const o = obj(x, 'document');
    const doc: DocumentRecord = {
      url: httpAddress(o.url, 'document.url'),
      title: cleanTitle(str(o.title, 'document.title', RECORD_LIMITS.text)),
      kind: oneOf(o.kind, KINDS, 'document.kind'),
      language: str(o.language, 'document.language', 35),
      firstSeen: time(o.firstSeen, 'document.firstSeen'),
      lastSeen: time(o.lastSeen, 'document.lastSeen'),
      latestVersionId: id(o.latestVersionId, 'document.latestVersionId'),
    };
    if (o.lastChange !== undefined) doc.lastChange = change(o.lastChange, 'document.lastChange');
    if (o.lastNotifiedVersionId !== undefined)
      doc.lastNotifiedVersionId = id(o.lastNotifiedVersionId, 'document.lastNotifiedVersionId');
    return doc;
  });
}

/** A version from outside, with its id as the file has it; `size` is the store's own count. */
export function checkVersion(x: unknown): Checked<VersionRecord & { id: number }> {
  return attempt(() => {
    const o = obj(x, 'version');
    if (!Array.isArray(o.clauses)) bad('version.clauses', 'not a list');
    const raw = o.clauses as unknown[];
    if (raw.length > RECORD_LIMITS.clauses) bad('version.clauses', 'too many clauses');
    const clauses = raw.map((c, i) => clause(c, `version.clauses[${i}]`));
    return {
      id: id(o.id, 'version.id'),
      url: httpAddress(o.url, 'version.url'),
      hash: str(o.hash, 'version.hash', 200),
      title: cleanTitle(str(o.title, 'version.title', RECORD_LIMITS.text)),
      language: str(o.language, 'version.language', 35),
      clauses,
      firstSeen: time(o.firstSeen, 'version.firstSeen'),
      lastSeen: time(o.lastSeen, 'version.lastSeen'),
      source: oneOf(o.source, ['visit', 'recheck'] as const, 'version.source'),
      size: 0,
    };
  });
}

export function checkVisit(x: unknown): Checked<VisitRecord> {
  return attempt(() => {
    const o = obj(x, 'visit');
    return {
      url: httpAddress(o.url, 'visit.url'),
      versionId: id(o.versionId, 'visit.versionId'),
      seenAt: time(o.seenAt, 'visit.seenAt'),
    };
  });
}

export function checkCheck(x: unknown): Checked<CheckRecord> {
  return attempt(() => {
    const o = obj(x, 'check');
    return {
      url: httpAddress(o.url, 'check.url'),
      lastAttempt: time(o.lastAttempt, 'check.lastAttempt'),
      lastSuccess: o.lastSuccess === null ? null : time(o.lastSuccess, 'check.lastSuccess'),
      failures: count(o.failures, 'check.failures'),
      nextAt: time(o.nextAt, 'check.nextAt'),
      lastError: nullableStr(o.lastError, 'check.lastError'),
    };
  });
}
