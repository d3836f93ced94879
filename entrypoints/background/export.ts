/**
 * Background handlers for the options page's data section: export, import (validated again here), delete.
 */
import { deleteHistory, exportHistory, importHistory, validateExport } from '@/lib/export-import';
import type { Req, Res } from '@/lib/messages';
import { historyDB } from './history';

/** The background's one history connection (opened by the history module). */
export const historyDb = historyDB;

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
