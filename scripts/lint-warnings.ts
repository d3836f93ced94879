/**
 * `web-ext lint` on the Firefox build may report only warnings that docs/permissions.md explains: its table
 * "web-ext lint warnings" lists each as code, file (a `*` stands for a build hash) and count, with the reason
 * it is safe. A new warning, or one more of a documented kind, fails until someone explains it there.
 * @module
 */

/** One message of `web-ext lint --output json`. */
export interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  message?: string;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A documented warning: how many times `code` may be reported for files matching `file`. */
export interface DocumentedWarning {
  code: string;
  file: string;
  count: number;
  why: string;
}

const HEADING = /^#+\s+web-ext lint warnings\s*$/i;

/** The rows of the "web-ext lint warnings" table: | `CODE` | `file` | count | why |. */
export function documentedWarnings(markdown: string): DocumentedWarning[] {
  const rows: DocumentedWarning[] = [];
  let inSection = false;
  for (const line of markdown.split('\n')) {
    if (/^#+\s/.test(line)) {
      inSection = HEADING.test(line);
      continue;
    }
    if (!inSection) continue;
    const cells = line.split('|').map((c) => c.trim());
    // '', code, file, count, why, ''
    if (cells.length !== 6 || !/^`[A-Z_]+`$/.test(cells[1]!) || !/^`[^`]+`$/.test(cells[2]!)) continue;
    const count = Number(cells[3]);
    if (!Number.isInteger(count) || count < 1 || !cells[4]) continue;
    rows.push({ code: cells[1]!.slice(1, -1), file: cells[2]!.slice(1, -1), count, why: cells[4]! });
  }
  return rows;
}

/** Whether a build file matches a documented pattern (`*` = any characters except `/`). */
export function fileMatches(pattern: string, file: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`).test(file);
}

/**
 * What the report shows that the documentation does not explain: every error, warnings no row matches, and
 * rows reported more often than documented. Empty when the report is explained in full.
 */
export function unexplained(report: LintReport, documented: readonly DocumentedWarning[]): string[] {
  const problems = report.errors.map((m) => `error ${m.code} in ${m.file ?? '?'}:${m.line ?? '?'}`);
  const seen = new Map<DocumentedWarning, number>();
  for (const warning of report.warnings) {
    const row = documented.find((d) => d.code === warning.code && fileMatches(d.file, warning.file ?? ''));
    if (!row) {
      problems.push(
        `warning ${warning.code} in ${warning.file ?? '?'}:${warning.line ?? '?'} is not explained`,
      );
      continue;
    }
    seen.set(row, (seen.get(row) ?? 0) + 1);
  }
  for (const [row, n] of seen) {
    if (n > row.count) problems.push(`${n} × ${row.code} in ${row.file}, ${row.count} explained`);
  }
  return problems;
}
