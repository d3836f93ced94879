/**
 * The summary index (schema v5, lib/store/summary.ts): built by the migration from a real v4 database without
 * losing a record, kept by every writer, and giving the popup's comparison and the history list exactly what
 * reading every stored version gave.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../lib/classify/taxonomy';
import { compareWithTracked, positionOf, type ComparableDocument } from '../../lib/compare';
import { findingCounts } from '../../lib/counts';
import { fingerprintClauses } from '../../lib/diff';
import { exportHistory, importStream } from '../../lib/export-import';
import {
  DB_VERSION,
  deleteDocument,
  getVersion,
  listDocuments,
  listDocumentsPage,
  openHistoryDB,
  openHistoryDBAt,
  recordSnapshot,
  storedComparison,
  trackedOrigins,
  type HistoryDB,
} from '../../lib/store';
import type { AnalysedClause, PageKind } from '../../lib/types';
import { generateDocument, historyLines } from '../../scripts/history-generator';
import { makeClause, VERSION_A, VERSION_B } from '../fixtures/db/clauses';
import { writeV4Change, writeV4Snapshot } from '../fixtures/db/v4-writer';

let n = 0;
const fresh = () => ({ factory: new IDBFactory(), name: `summary${++n}` });
const NOW = Date.UTC(2026, 11, 1);

/** The comparison as the popup computed it before the summary index: every document's latest version read. */
async function comparisonByReadingVersions(db: HistoryDB, current: ComparableDocument) {
  const { documents } = await listDocuments(db);
  const others: ComparableDocument[] = [];
  for (const doc of documents) {
    const { version } = await getVersion(db, doc.latestVersionId);
    if (version) others.push({ id: doc.url, kind: doc.kind, clauses: version.clauses });
  }
  return compareWithTracked(current, others);
}

/** A version with a label of a category this build does not know (a newer build's, or an edited file's). */
const UNKNOWN_LABEL: AnalysedClause[] = [
  ...VERSION_B,
  { ...makeClause(9, 'We may read your thoughts to train our models.', [['ai-training', 'permits']]) },
].map((c, i) =>
  i === VERSION_B.length
    ? {
        ...c,
        labels: [...c.labels, { ...c.labels[0]!, category: 'mind-reading' as never }],
      }
    : c,
);

/** Probes: a stored document of each kind, and a page not in the history, of each kind. */
function probes(urls: { url: string; kind: PageKind }[]): ComparableDocument[] {
  const out: ComparableDocument[] = [];
  for (const kind of ['privacy-policy', 'terms'] as const) {
    const stored = urls.find((u) => u.kind === kind);
    if (stored) out.push({ id: stored.url, kind, clauses: VERSION_B });
    out.push({ id: `https://new.example/${kind}`, kind, clauses: UNKNOWN_LABEL });
  }
  return out;
}

async function expectComparisonsAgree(db: HistoryDB, urls: { url: string; kind: PageKind }[]) {
  for (const probe of probes(urls)) {
    const expected = await comparisonByReadingVersions(db, probe);
    expect(await storedComparison(db, probe, { missingDone: true }), probe.id).toEqual(expected);
  }
}

describe('schema v4 → v5: the summary index', () => {
  it('is built for every document, and every record of the v4 database is still there', async () => {
    const { factory, name } = fresh();
    const v4 = await openHistoryDBAt(factory, name, 4);
    const urls: { url: string; kind: PageKind }[] = [];
    // 60 generated documents with 2–4 versions each, some re-checked (a latest version the user has not seen).
    for (let d = 0; d < 60; d++) {
      const doc = generateDocument(d, NOW);
      urls.push({ url: doc.url, kind: doc.kind });
      for (const [i, v] of doc.versions.entries()) {
        const last = i === doc.versions.length - 1;
        await writeV4Snapshot(v4, {
          url: doc.url,
          title: doc.title,
          kind: doc.kind,
          language: 'en',
          clauses: v.clauses,
          hash: v.hash,
          now: v.firstSeen,
          source: last && d % 4 === 0 ? 'recheck' : 'visit',
        });
      }
      if (d % 3 === 0)
        await writeV4Change(v4, doc.url, {
          at: NOW,
          fromVersionId: 1,
          toVersionId: 2,
          headline: `${doc.title} changed`,
          categories: { 'ai-training': { added: 1, removed: 0 } },
          added: 1,
          removed: 0,
          modified: 0,
        });
    }
    // A latest version carrying an unknown category; a damaged document row; a damaged latest version.
    const odd = 'https://odd.example/privacy';
    await writeV4Snapshot(v4, {
      url: odd,
      title: 'Odd',
      kind: 'privacy-policy',
      language: 'en',
      clauses: UNKNOWN_LABEL,
      hash: 'odd',
      now: NOW,
      source: 'visit',
    });
    urls.push({ url: odd, kind: 'privacy-policy' });
    await v4.put('documents', { url: 'https://broken.example/x', title: 7 } as never);
    const lost = 'https://lost.example/privacy';
    const lostId = await writeV4Snapshot(v4, {
      url: lost,
      title: 'Lost',
      kind: 'privacy-policy',
      language: 'en',
      clauses: VERSION_A,
      hash: 'lost',
      now: NOW,
      source: 'visit',
    });
    await v4.put('versions', { id: lostId, url: lost, hash: 'lost', title: 9, clauses: 'x' } as never);
    await v4.put('checks', {
      url: urls[1]!.url,
      lastAttempt: 5,
      lastSuccess: 5,
      failures: 0,
      nextAt: 9,
      lastError: null,
    });
    const before = {} as Record<string, unknown[]>;
    for (const store of ['documents', 'versions', 'visits', 'checks', 'origins', 'meta'] as const)
      before[store] = await v4.getAll(store);
    v4.close();

    const db = await openHistoryDB(factory, name);
    expect(db.version).toBe(DB_VERSION);
    // Nothing lost or changed: versions, visits, re-check state, limits and the running total as they were.
    for (const store of ['versions', 'visits', 'checks', 'origins', 'meta'] as const)
      expect(await db.getAll(store), store).toEqual(before[store]);
    // Document rows: the same, plus their host and the summary of their latest version.
    const rows = await db.getAll('documents');
    expect(rows.length).toBe(before.documents!.length);
    for (const [i, row] of rows.entries()) {
      const old = before.documents![i] as Record<string, unknown>;
      if (row.url === 'https://broken.example/x') {
        expect(row).toEqual(old);
        continue;
      }
      const { host, summary, ...rest } = row;
      expect(rest).toEqual(old);
      expect(host).toBe(new URL(row.url).host);
      if (row.url === lost) {
        expect(summary, 'a damaged latest version has no summary').toBeUndefined();
        continue;
      }
      const latest = (await db.get('versions', row.latestVersionId))!;
      const known = latest.clauses.map((c) => ({
        ...c,
        labels: c.labels.filter((l) => (CATEGORY_IDS as readonly string[]).includes(l.category)),
      }));
      expect(summary?.versionId).toBe(row.latestVersionId);
      expect(summary?.findings, row.url).toEqual(findingCounts(known));
      for (const category of CATEGORY_IDS) {
        const p = positionOf(known, category);
        const code = p.permits ? (p.hasChoice ? 'c' : 'p') : p.deniesOnly ? 'd' : undefined;
        expect(summary?.positions[category], `${row.url} ${category}`).toBe(code);
      }
    }
    // The unknown category counts nowhere.
    expect(JSON.stringify((await db.get('documents', odd))!.summary)).not.toContain('mind-reading');
    // The comparison from the tallies is the one every latest version gave, for stored and new pages.
    await expectComparisonsAgree(db, urls);
    // The list, one screen at a time, is the whole list in order; the damaged row is reported where it is.
    const all = await listDocuments(db);
    const paged = [];
    const problems = [];
    for (let offset = 0; offset < rows.length - 1; offset += 7) {
      const page = await listDocumentsPage(db, offset, 7);
      // The broken row has no date, so no place in the list: it is named, not listed.
      expect(page.total).toBe(rows.length - 1);
      paged.push(...page.documents);
      problems.push(...page.problems);
    }
    expect(paged.map((d) => d.lastSeen)).toEqual(all.documents.map((d) => d.lastSeen));
    expect(new Set(paged.map((d) => d.url))).toEqual(new Set(all.documents.map((d) => d.url)));
    for (const d of paged) expect(d).toEqual(all.documents.find((x) => x.url === d.url));
    expect(problems).toEqual(all.problems);
  });
});

describe('the summary index under writes', () => {
  it('every writer keeps the comparison identical to reading every version', async () => {
    const { factory, name } = fresh();
    const db = await openHistoryDB(factory, name);
    const urls: { url: string; kind: PageKind }[] = [];
    const snap = (url: string, kind: PageKind, clauses: AnalysedClause[], now: number, recheck = false) =>
      recordSnapshot(db, {
        url,
        title: url,
        kind,
        language: 'en',
        clauses,
        hash: fingerprintClauses(clauses),
        source: recheck ? 'recheck' : 'visit',
        now,
        markSeen: !recheck,
      });
    let now = NOW;
    for (let d = 0; d < 12; d++) {
      const doc = generateDocument(100 + d, NOW);
      urls.push({ url: doc.url, kind: doc.kind });
      for (const v of doc.versions) await snap(doc.url, doc.kind, v.clauses, ++now, d % 2 === 0);
    }
    await expectComparisonsAgree(db, urls);
    // A revisit of an older text (the latest stays), a kind that changes, a document forgotten.
    const doc0 = generateDocument(100, NOW);
    const revisit = await snap(urls[0]!.url, urls[0]!.kind, doc0.versions[0]!.clauses, ++now);
    expect(revisit.isNewVersion).toBe(false);
    expect(revisit.document.latestVersionId).not.toBe(revisit.version.id);
    // The page now reads as the other kind: its tally moves from one kind to the other.
    const other: PageKind = urls[1]!.kind === 'terms' ? 'privacy-policy' : 'terms';
    await snap(urls[1]!.url, other, VERSION_B, now + 1);
    urls[1] = { url: urls[1]!.url, kind: other };
    await deleteDocument(db, urls[2]!.url);
    urls.splice(2, 1);
    await expectComparisonsAgree(db, urls);
    // A backup restored into another history: imported rows are summarised by the store, not the file.
    const { parts } = await exportHistory(db, NOW, (text) => text);
    const target = await openHistoryDB(factory, `${name}-restored`);
    async function* lines() {
      for (const line of parts.join('').split('\n')) if (line) yield line;
    }
    const report = await importStream(target, lines());
    expect(report.complete).toBe(true);
    await expectComparisonsAgree(target, urls);
    expect(await target.getAll('tallies')).toEqual(await db.getAll('tallies'));
  });

  it('tallies that no longer add up are counted again from the rows', async () => {
    const { factory, name } = fresh();
    const db = await openHistoryDB(factory, name);
    const lines = function* () {
      yield* historyLines(40, NOW);
    };
    async function* stream() {
      for (const l of lines()) yield l;
    }
    expect((await importStream(db, stream())).complete).toBe(true);
    const urls = (await listDocuments(db)).documents.map((d) => ({ url: d.url, kind: d.kind }));
    const right = await db.getAll('tallies');
    await db.clear('tallies');
    await expectComparisonsAgree(db, urls);
    expect(await db.getAll('tallies')).toEqual(right);
    expect((await trackedOrigins(db)).length).toBe(40);
  });
});
