/**
 * A tracked document as the background's readers need it — its row, the version the user saw last, its
 * latest version — read through the checks every stored record gets (lib/store/validate.ts), so no handler
 * reads the raw stores or meets a damaged row unprepared.
 * @module
 */
import { getVersion, type HistoryDB } from './repository';
import type { DocumentRecord, VersionRecord } from './schema';
import { documentProblem, isVisitRecord } from './validate';

/** A document's row, null when it is not tracked, or the reason it cannot be read. */
export async function getDocument(
  db: HistoryDB,
  url: string,
): Promise<{ document: DocumentRecord | null; problem: string | null }> {
  const raw: unknown = await db.get('documents', url);
  if (raw === undefined) return { document: null, problem: null };
  const problem = documentProblem(raw);
  return problem ? { document: null, problem } : { document: raw as DocumentRecord, problem: null };
}

/** The version of a document the user saw last, or null (never seen, or the visit row is unreadable). */
export async function getSeenVersionId(db: HistoryDB, url: string): Promise<number | null> {
  const visit: unknown = await db.get('visits', url);
  return isVisitRecord(visit) ? visit.versionId : null;
}

/** A document's newest version, or null when it is not tracked or cannot be read. */
export async function getLatestVersion(db: HistoryDB, url: string): Promise<VersionRecord | null> {
  const { document } = await getDocument(db, url);
  if (!document) return null;
  return (await getVersion(db, document.latestVersionId)).version;
}
