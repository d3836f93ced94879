/**
 * The built extension, for suites that check what ships (manifests, bundles). They assume `npx wxt build`
 * and `npx wxt build -b firefox` ran (scripts/test-all.sh does) and fail with that instruction otherwise.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export type Target = 'chrome-mv3' | 'firefox-mv2';
export const TARGETS: Target[] = ['chrome-mv3', 'firefox-mv2'];

const ROOT = resolve(import.meta.dirname, '../..');
const ENV: Record<Target, string> = {
  'chrome-mv3': 'FINEPRINT_EXTENSION',
  'firefox-mv2': 'FINEPRINT_EXTENSION_FIREFOX',
};

/** The build directory of a target (`FINEPRINT_EXTENSION[_FIREFOX]` override a copy elsewhere). */
export function buildDir(target: Target): string {
  return resolve(process.env[ENV[target]] ?? join(ROOT, '.output', target));
}

export type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
};

/** The built manifest; throws a clear error when the target was not built. */
export function readManifest(target: Target): Manifest {
  const file = join(buildDir(target), 'manifest.json');
  if (!existsSync(file)) {
    const cmd = target === 'chrome-mv3' ? 'npx wxt build' : 'npx wxt build -b firefox';
    throw new Error(`No build at ${buildDir(target)}: run \`${cmd}\` first (scripts/test-all.sh does).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every file of a build, as paths relative to the build directory. */
export function buildFiles(target: Target): string[] {
  readManifest(target);
  const dir = buildDir(target);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

export function readBuildFile(target: Target, file: string): string {
  return readFileSync(join(buildDir(target), file), 'utf8');
}
