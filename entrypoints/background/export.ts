/**
 * Background handlers for the options page's data section: export, import (validated again here), delete.
 * Also the background's one lazily opened connection to the history database used by these handlers.
 */
import { openHistoryDB, type HistoryDB } from '@/lib/store';
import { deleteHistory, exportHistory, importHistory, validateExport } from '@/lib/export-import';
import type { Req, Res } from '@/lib/messages';

let db: Promise<HistoryDB> | null = null;

/** The history database, opened once per background lifetime (retried after a failure). */
export function historyDb(): Promise<HistoryDB> {
  db ??= openHistoryDB(indexedDB).catch((error: unknown) => {
    db = null;
    throw error;
  });
  return db;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function exportHistoryHandler(): Promise<Res<'options→bg:export-history'>> {
  try {
    return { ok: true, data: await exportHistory(await historyDb(), Date.now()) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export async function importHistoryHandler({
  data,
}: Req<'options→bg:import-history'>): Promise<Res<'options→bg:import-history'>> {
  const checked = validateExport(data);
  if (!checked.ok) return { ok: false, error: checked.error };
  try {
    return { ok: true, ...(await importHistory(await historyDb(), checked.data)) };
  } catch (e) {
    // importHistory runs in one transaction: on failure nothing was written.
    return { ok: false, error: `the history could not be written (${errorText(e)}); nothing was changed` };
  }
}

export async function deleteHistoryHandler(): Promise<Res<'options→bg:delete-history'>> {
  try {
    await deleteHistory(await historyDb());
    return { ok: true };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}
