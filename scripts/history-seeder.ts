/**
 * A script for the extension's service worker that loads a generated history (scripts/history-generator.ts)
 * through the import code (lib/export-import.ts), as a user restoring a backup would: every row written by the
 * store's own writers, summary index included. Used by the benchmark and the browser tests; nothing of it
 * ships in the build. After `sw.evaluate(historySeederSource())`, `globalThis.__fineprintSeed(n)` imports
 * `n` documents and resolves to the number imported.
 * @module
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Worker } from 'playwright-core';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export function historySeederSource(): string {
  const entry = `
    import { openHistoryDB } from './lib/store';
    import { importStream } from './lib/export-import';
    import { historyLines } from './scripts/history-generator';
    globalThis.__fineprintSeed = async (n) => {
      const db = await openHistoryDB(indexedDB);
      async function* lines() { for (const line of historyLines(n)) yield line; }
      const report = await importStream(db, lines());
      db.close();
      if (!report.complete) throw new Error('import stopped: ' + (report.error ?? JSON.stringify(report.problems)));
      return report.documents;
    };`;
  const out = buildSync({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Imports `n` generated documents in the service worker `sw` (a Playwright Worker). */
export async function seedHistory(sw: Worker, n: number): Promise<number> {
  await sw.evaluate(historySeederSource());
  return sw.evaluate(
    (count: number) =>
      (globalThis as unknown as { __fineprintSeed: (n: number) => Promise<number> }).__fineprintSeed(count),
    n,
  );
}
