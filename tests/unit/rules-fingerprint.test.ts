/** The rules fingerprint (scripts/train/rules-fingerprint.ts) that lets `npm run eval` tell a stale model. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintFiles, rulesFingerprint } from '../../scripts/train/rules-fingerprint';

function classifyDir(rule: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fp-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules/ai-training.ts'), rule);
  for (const f of ['features.ts', 'fold-text.ts', 'classifier.ts']) writeFileSync(join(dir, f), `// ${f}`);
  return dir;
}

describe('rulesFingerprint', () => {
  it('is the same for the same sources and changes when a rule changes', () => {
    const a = rulesFingerprint(classifyDir('export const x = /train/;'));
    expect(rulesFingerprint(classifyDir('export const x = /train/;'))).toBe(a);
    expect(rulesFingerprint(classifyDir('export const x = /trains?/;'))).not.toBe(a);
  });

  it('covers every rule family file and the classifier of the real tree', () => {
    const files = fingerprintFiles();
    expect(files).toContain('rules/ai-training.ts');
    expect(files).toContain('rules/stance.ts');
    expect(files).toContain('classifier.ts');
  });
});
