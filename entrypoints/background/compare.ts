/** Background handler for the popup's "How other sites handle this". */
import { canonicalUrl } from '@/lib/canonical-url';
import type { Req, Res } from '@/lib/messages';
import { storedComparison, type TallyRepair } from '@/lib/store';
import { historyDb } from './export';
import { readTabReport } from './tab-reports';

/** Rows without a summary are summarised at most once per background lifetime (lib/store/summary.ts). */
const repair: TallyRepair = { missingDone: false };

export async function getComparisonHandler({
  tabId,
}: Req<'popup→bg:get-comparison'>): Promise<Res<'popup→bg:get-comparison'>> {
  const report = await readTabReport(tabId);
  if (!report || report.clauses.length === 0)
    return { comparison: null, error: 'no analysed policy on this tab' };
  try {
    const db = await historyDb();
    const current = {
      id: canonicalUrl(report.url) ?? report.url,
      kind: report.page.kind,
      clauses: report.clauses,
    };
    // The stored documents' side comes from the summary index's tallies: no stored version is read.
    return { comparison: await storedComparison(db, current, repair) };
  } catch (e) {
    return { comparison: null, error: e instanceof Error ? e.message : String(e) };
  }
}
