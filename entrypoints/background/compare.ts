/** Background handler for the popup's "How other sites handle this". */
import { canonicalUrl } from '@/lib/canonical-url';
import { compareWithTracked, type ComparableDocument } from '@/lib/compare';
import type { Req, Res } from '@/lib/messages';
import { getVersion, listDocuments } from '@/lib/store';
import { historyDb } from './export';
import { readTabReport } from './tab-reports';

export async function getComparisonHandler({
  tabId,
}: Req<'popup→bg:get-comparison'>): Promise<Res<'popup→bg:get-comparison'>> {
  const report = await readTabReport(tabId);
  if (!report || report.clauses.length === 0)
    return { comparison: null, error: 'no analysed policy on this tab' };
  try {
    const db = await historyDb();
    const { documents } = await listDocuments(db);
    const others: ComparableDocument[] = [];
    for (const doc of documents) {
      const { version } = await getVersion(db, doc.latestVersionId);
      if (version) others.push({ id: doc.url, kind: doc.kind, clauses: version.clauses });
    }
    const current = {
      id: canonicalUrl(report.url) ?? report.url,
      kind: report.page.kind,
      clauses: report.clauses,
    };
    return { comparison: compareWithTracked(current, others) };
  } catch (e) {
    return { comparison: null, error: e instanceof Error ? e.message : String(e) };
  }
}
