import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openHistoryDB, recordSnapshot, saveChange, putCheck, type HistoryDB } from '@/lib/store';
import { fingerprintClauses } from '@/lib/diff';
import {
  deleteHistory,
  exportHistory,
  importHistory,
  parseExportText,
  validateExport,
  type FineprintExport,
} from '@/lib/export-import';
import { VERSION_A, VERSION_B } from '../fixtures/db/clauses';
import type { AnalysedClause } from '@/lib/types';

let n = 0;
const open = () => openHistoryDB(new IDBFactory(), `export${++n}`);

async function seed(db: HistoryDB): Promise<void> {
  const snap = (url: string, clauses: AnalysedClause[], now: number) =>
    recordSnapshot(db, {
      url,
      title: `Policy at ${url}`,
      kind: 'privacy-policy',
      language: 'en',
      clauses,
      hash: fingerprintClauses(clauses),
      source: 'visit',
      now,
      markSeen: true,
    });
  await snap('https://a.example/privacy', VERSION_A, 1000);
  const b = await snap('https://a.example/privacy', VERSION_B, 2000);
  await saveChange(db, 'https://a.example/privacy', {
    at: 2000,
    fromVersionId: b.previousSeen!.id!,
    toVersionId: b.version.id!,
    headline: 'AI training added',
    categories: { 'ai-training': { added: 1, removed: 0 } },
    added: 1,
    removed: 0,
    modified: 0,
  });
  await snap('https://b.example/terms', VERSION_B, 3000);
  await putCheck(db, {
    url: 'https://b.example/terms',
    lastAttempt: 3000,
    lastSuccess: 3000,
    failures: 0,
    nextAt: 9000,
    lastError: null,
  });
}

const withoutTime = (e: FineprintExport) => ({ ...e, exportedAt: 0 });

describe('export → delete → import', () => {
  it('restores exactly the same history, ids included', async () => {
    const db = await open();
    await seed(db);
    const before = await exportHistory(db, 10);
    expect(before.documents).toHaveLength(2);
    expect(before.versions).toHaveLength(3);

    // Through JSON text, as the options page does with a file.
    const text = JSON.stringify(before);
    await deleteHistory(db);
    expect((await exportHistory(db, 11)).versions).toHaveLength(0);

    const parsed = parseExportText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = await importHistory(db, parsed.data);
    expect(result).toEqual({ documents: 2, versions: 3, unchanged: 0 });
    expect(withoutTime(await exportHistory(db, 12))).toEqual(withoutTime(before));
  });

  it('merges into a history that has other data and keeps what was there', async () => {
    const source = await open();
    await seed(source);
    const exported = await exportHistory(source, 1);

    const target = await open();
    await recordSnapshot(target, {
      url: 'https://c.example/privacy',
      title: 'C',
      kind: 'privacy-policy',
      language: 'en',
      clauses: VERSION_A,
      hash: fingerprintClauses(VERSION_A),
      source: 'visit',
      now: 500,
      markSeen: true,
    });
    // Occupies id 1, so imported version 1 must get a fresh id and references must follow it.
    const result = await importHistory(target, exported);
    expect(result.versions).toBe(3);
    const after = await exportHistory(target, 2);
    expect(after.documents.map((d) => d.url).sort()).toEqual([
      'https://a.example/privacy',
      'https://b.example/terms',
      'https://c.example/privacy',
    ]);
    for (const d of after.documents) {
      const latest = after.versions.find((v) => v.id === d.latestVersionId);
      expect(latest?.url).toBe(d.url);
    }
    const a = after.documents.find((d) => d.url === 'https://a.example/privacy')!;
    expect(after.versions.find((v) => v.id === a.lastChange!.toVersionId)?.url).toBe(a.url);

    // Importing the same file again adds nothing.
    expect(await importHistory(target, exported)).toEqual({ documents: 0, versions: 0, unchanged: 3 });
  });
});

describe('validateExport', () => {
  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['an array', '[]', /not a Fineprint export/],
    ['another format', '{"format":"x"}', /not a Fineprint export/],
    ['a newer version', '{"format":"fineprint-history","version":99}', /newer Fineprint/],
    ['missing stores', '{"format":"fineprint-history","version":1,"documents":[]}', /"versions" is missing/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const r = parseExportText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('rejects dangling references and malformed records, listing them', async () => {
    const db = await open();
    await seed(db);
    const good = await exportHistory(db, 1);
    const broken = structuredClone(good);
    broken.versions = broken.versions.filter((v) => v.url !== 'https://b.example/terms');
    (broken.versions[0] as unknown as { clauses: unknown }).clauses = 'oops';
    const r = validateExport(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/damaged.*Nothing was imported/);
    expect(r.problems.some((p) => p.includes('clauses are not a list'))).toBe(true);
    expect(r.problems.some((p) => p.includes('is not in the file'))).toBe(true);
    expect(validateExport(good).ok).toBe(true);
  });
});
