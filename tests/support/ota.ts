/**
 * The ota/ documents of the shared corpus, from its manifest: path, service and document type (the file
 * name: "Privacy Policy", "Terms of Service", "Brand Guidelines", …) and the manifest's language guess.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface OtaDocument {
  /** Path relative to the corpus root. */
  file: string;
  collection: string;
  service: string;
  /** The document type, as Open Terms Archive names it (the file name without `.md`). */
  type: string;
  language: string;
}

interface ManifestRow {
  section: string;
  file: string;
  language?: string;
}

/** Every current ota/ document (not the version pairs), sorted by path. */
export function otaDocuments(corpus: string): OtaDocument[] {
  const rows = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as ManifestRow[];
  return rows
    .filter((r) => r.section === 'ota-head')
    .map((r) => {
      const parts = r.file.split('/');
      return {
        file: r.file,
        collection: parts[1] ?? '',
        service: parts[2] ?? '',
        type: basename(r.file).replace(/\.md$/, ''),
        language: r.language ?? 'other',
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The English ones (by the manifest's guess). */
export function englishOtaDocuments(corpus: string): OtaDocument[] {
  return otaDocuments(corpus).filter((d) => d.language === 'en');
}
