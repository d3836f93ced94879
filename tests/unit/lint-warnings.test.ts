// The Firefox lint gate (scripts/firefox-lint.ts): warnings must be the ones docs/permissions.md explains.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentedWarnings,
  fileMatches,
  unexplained,
  type LintMessage,
  type LintReport,
} from '../../scripts/lint-warnings';

const DOC = `# Permissions

| \`storage\` | \`permissions\` | yes | yes | Settings. |

## web-ext lint warnings

| Code | File | Count | Why it is safe |
| --- | --- | --- | --- |
| \`UNSAFE_VAR_ASSIGNMENT\` | \`background.js\` | 2 | Readability on a parsed document. |
| \`UNSAFE_VAR_ASSIGNMENT\` | \`chunks/theme-*.js\` | 1 | Preact. |
| \`UNSAFE_VAR_ASSIGNMENT\` | \`popup.js\` | 1 | |

## Elsewhere

| \`DANGEROUS_EVAL\` | \`x.js\` | 1 | Not in the section. |
`;

const report = (warnings: LintMessage[], errors: LintMessage[] = []): LintReport => ({
  summary: { errors: errors.length, warnings: warnings.length, notices: 0 },
  errors,
  warnings,
  notices: [],
});
const warn = (file: string, code = 'UNSAFE_VAR_ASSIGNMENT'): LintMessage => ({ code, file, line: 1 });

describe('documentedWarnings', () => {
  it('reads only the section’s rows that give a code, a file, a count and a reason', () => {
    expect(documentedWarnings(DOC)).toEqual([
      {
        code: 'UNSAFE_VAR_ASSIGNMENT',
        file: 'background.js',
        count: 2,
        why: 'Readability on a parsed document.',
      },
      { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'chunks/theme-*.js', count: 1, why: 'Preact.' },
    ]);
  });

  it('docs/permissions.md has the section', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/permissions.md'), 'utf8');
    expect(documentedWarnings(doc).length).toBeGreaterThan(0);
  });
});

describe('fileMatches', () => {
  it('lets * stand for a build hash within one path segment', () => {
    expect(fileMatches('chunks/theme-*.js', 'chunks/theme-B-ypABYr.js')).toBe(true);
    expect(fileMatches('chunks/theme-*.js', 'chunks/theme-x/evil.js')).toBe(false);
    expect(fileMatches('background.js', 'background.js')).toBe(true);
    expect(fileMatches('background.js', 'backgroundXjs')).toBe(false);
  });
});

describe('unexplained', () => {
  const rows = documentedWarnings(DOC);
  it('accepts documented warnings up to their count', () => {
    expect(
      unexplained(report([warn('background.js'), warn('background.js'), warn('chunks/theme-abc.js')]), rows),
    ).toEqual([]);
    expect(unexplained(report([]), rows)).toEqual([]);
  });

  it('names a warning of another file or code, one too many, and every error', () => {
    expect(unexplained(report([warn('popup.js')]), rows)).toEqual([
      'warning UNSAFE_VAR_ASSIGNMENT in popup.js:1 is not explained',
    ]);
    expect(unexplained(report([warn('background.js', 'DANGEROUS_EVAL')]), rows)).toHaveLength(1);
    expect(unexplained(report([1, 2, 3].map(() => warn('background.js'))), rows)).toEqual([
      '3 × UNSAFE_VAR_ASSIGNMENT in background.js, 2 explained',
    ]);
    expect(
      unexplained(report([], [{ code: 'MANIFEST_FIELD_INVALID', file: 'manifest.json' }]), rows),
    ).toEqual(['error MANIFEST_FIELD_INVALID in manifest.json:?']);
  });
});
