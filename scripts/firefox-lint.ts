/**
 * `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`, the checks addons.mozilla.org runs) on the
 * Firefox build. Fails on any error, and on any warning docs/permissions.md does not explain
 * (scripts/lint-warnings.ts). Run `npx wxt build -b firefox` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentedWarnings, unexplained, type LintReport } from './lint-warnings';

const root = resolve(import.meta.dirname, '..');
const build = resolve(process.env.FINEPRINT_EXTENSION_FIREFOX ?? join(root, '.output/firefox-mv2'));
if (!existsSync(join(build, 'manifest.json'))) {
  console.error(`No Firefox build at ${build}: run \`npx wxt build -b firefox\` first.`);
  process.exit(1);
}

let output: string;
try {
  output = execFileSync(
    join(root, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', build, '--self-hosted=false', '--output', 'json'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
} catch (error) {
  // web-ext exits non-zero when it finds errors; the report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as LintReport;
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
for (const m of [...report.errors, ...report.warnings, ...report.notices]) {
  console.log(`  ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message ?? ''}`);
}
const documented = documentedWarnings(readFileSync(join(root, 'docs/permissions.md'), 'utf8'));
const problems = unexplained(report, documented);
if (problems.length > 0) {
  console.error('Not explained in docs/permissions.md ("web-ext lint warnings"):');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`every warning is explained in docs/permissions.md (${documented.length} rows)`);
