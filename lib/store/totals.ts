/**
 * Byte counts inside a write transaction: a URL's version sizes from the `by-url-size` index (no clauses are
 * read), a document's running sum, and the store's running total in the `meta` store, which every writer keeps
 * and which is counted again from the document rows when it is missing.
 * @module
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { DocumentRecord, FineprintDB } from './schema';
import { isDocumentRecord } from './validate';

/** A readwrite transaction over at least `documents`, `versions` and `meta`. */
export type CountingTx = IDBPTransaction<FineprintDB, StoreNames<FineprintDB>[], 'readwrite'>;

/** Every `[url, size]` entry of the versions whose URL is in `[lower, upper)`, with its version id. */
export async function versionSizes(
  tx: CountingTx,
  lower: string,
  upper: string,
): Promise<{ id: number; url: string; size: number }[]> {
  const out: { id: number; url: string; size: number }[] = [];
  const range = IDBKeyRange.bound([lower], [upper], false, true);
  let cursor = await tx.objectStore('versions').index('by-url-size').openKeyCursor(range);
  while (cursor) {
    const [url, size] = cursor.key;
    out.push({ id: cursor.primaryKey, url, size });
    cursor = await cursor.continue();
  }
  return out;
}

/** The stored bytes of one URL's versions, counted from the index. */
export async function urlBytes(tx: CountingTx, url: string): Promise<number> {
  return (await versionSizes(tx, url, `${url}\0`)).reduce((n, v) => n + v.size, 0);
}

/** A document's stored bytes: its running sum, or (for a row that lost it) the sum of its versions' sizes. */
export async function documentBytes(tx: CountingTx, doc: DocumentRecord): Promise<number> {
  return typeof doc.bytes === 'number' ? doc.bytes : urlBytes(tx, doc.url);
}

async function countAgain(tx: CountingTx): Promise<number> {
  let total = 0;
  for (const d of (await tx.objectStore('documents').getAll()) as unknown[])
    if (isDocumentRecord(d)) total += await documentBytes(tx, d);
  await tx.objectStore('meta').put({ key: 'bytes', total });
  return total;
}

/** The store's total bytes as of now in this transaction. */
export async function storedTotal(tx: CountingTx): Promise<number> {
  const meta = await tx.objectStore('meta').get('bytes');
  return meta && Number.isFinite(meta.total) ? meta.total : countAgain(tx);
}

/**
 * Moves the running total by `delta` after the document rows were written. Without a total to move, it is
 * counted from the rows as they are now (which already include the change).
 */
export async function addToTotal(tx: CountingTx, delta: number): Promise<void> {
  const meta = await tx.objectStore('meta').get('bytes');
  if (!meta || !Number.isFinite(meta.total)) await countAgain(tx);
  else if (delta !== 0)
    await tx.objectStore('meta').put({ key: 'bytes', total: Math.max(0, meta.total + delta) });
}
