/**
 * Backup, restore and deletion of the whole history run in the options page against IndexedDB directly
 * (lib/export-import.ts), not through the background: runtime messages stop at 64 MiB, the history does not.
 * What stays here is the background's one history connection under the name other handlers import.
 */
import { historyDB } from './history';

/** The background's one history connection (opened by the history module). */
export const historyDb = historyDB;
