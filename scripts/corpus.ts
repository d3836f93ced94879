/**
 * Where the shared corpus lives. Tests, training and benchmarks read it in place; it never enters the repo.
 * @module
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS_ENV = 'FINEPRINT_CORPUS';

/** `$FINEPRINT_CORPUS`, else `../shared/corpus` next to the repository root. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
  return resolve(env[CORPUS_ENV] ?? resolve(root, '../shared/corpus'));
}

export function corpusAvailable(dir: string = corpusDir()): boolean {
  return existsSync(resolve(dir, 'MANIFEST.md'));
}
