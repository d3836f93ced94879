/**
 * The README's headline example: a policy update that adds "machine learning / AI training" to its list of
 * uses of data is announced as an AI-training change. Team-written fixture pair
 * (tests/fixtures/changes/uses-list-*.html); the whole lib path runs: extraction, the classifier with the
 * bundled model, the clause diff and the history's change headline (real IndexedDB API via fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../scripts/parse-html';
import { analyzeDocument } from '../../lib/pipeline';
import { observePage, openHistoryDB } from '../../lib/store';

const URL_ = 'https://pinecrest.example/privacy';
const version = (name: string) =>
  analyzeDocument(parseHtml(readFileSync(`tests/fixtures/changes/${name}`, 'utf8')), { url: URL_ });
const T0 = Date.UTC(2026, 2, 2);
const DAY = 86_400_000;

describe('a use-of-data list gains "machine learning / AI training"', () => {
  it('the new list item is painted ai-training permits', () => {
    const after = version('uses-list-after.html');
    const item = after.clauses.find((c) => /AI training/.test(c.text));
    expect(item?.unit).toBe('list-item');
    expect(item?.labels[0]).toMatchObject({ category: 'ai-training', stance: 'permits' });
    // The version before has no ai-training clause at all.
    expect(
      version('uses-list-before.html').clauses.some((c) =>
        c.labels.some((l) => l.category === 'ai-training'),
      ),
    ).toBe(false);
  });

  it('the change is announced as an AI-training change and notified', async () => {
    const db = await openHistoryDB(new IDBFactory(), 'change-ai');
    const notify = { enabled: true, categories: ['ai-training' as const] };
    const before = version('uses-list-before.html');
    await observePage(
      db,
      { url: URL_, page: before.page, clauses: before.clauses },
      { now: T0, source: 'visit', notify },
    );
    const after = version('uses-list-after.html');
    const changed = await observePage(
      db,
      { url: URL_, page: after.page, clauses: after.clauses },
      { now: T0 + 190 * DAY, source: 'visit', notify },
    );
    expect(changed.notify).toBe(true);
    expect(changed.change?.headline).toMatch(/: AI-training clause (?:added|changed) since /);
    expect(changed.change?.headline).not.toMatch(/Automated decisions/);
  });
});
