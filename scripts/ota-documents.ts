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
  /** The manifest's note (capture problems, shared texts). */
  note: string;
}

interface ManifestRow {
  section: string;
  file: string;
  language?: string;
  note?: string;
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
        note: r.note ?? '',
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The English ones (by the manifest's guess). */
export function englishOtaDocuments(corpus: string): OtaDocument[] {
  return otaDocuments(corpus).filter((d) => d.language === 'en');
}

/** The document types that are privacy policies or terms of service. */
export const POLICY_TYPES: ReadonlySet<string> = new Set(['Privacy Policy', 'Terms of Service']);

/**
 * Document types that are neither a privacy policy nor terms, which detection must not call one (issue 23:
 * brand, press, community and copyright guidelines, law-enforcement guides, imprints, and their kin).
 * Contract-like documents — developer or commercial terms, acceptable-use and ad-publishing policies,
 * processor agreements, cookie ("trackers") policies — are in neither set: calling them terms or privacy is
 * not wrong, and they are reported apart.
 */
export function isOtherType(type: string): boolean {
  return /^(?:Brand Guidelines|Community Guidelines.*|Copyright Claims Policy|Law Enforcement Guidelines|Imprint|Quality Guidelines|Review Guidelines|Human Rights Policy|Vulnerability Disclosure Policy|Editorial Policy|Accessibility Statement|Complaints Policy|Anti-corruption Policy|Ranking Parameters Description|Closed Captioning Policy|Live Policy|Advertising Content Policy)$/.test(
    type,
  );
}

/** A capture the manifest flags as not the document (a sign-in page, a near-empty stub). */
export function isBadCapture(d: OtaDocument): boolean {
  return /capture problem|near-empty capture/i.test(d.note);
}

/** The English privacy policies and terms that are the document (no bad capture): what the checks read. */
export function englishPolicyDocuments(corpus: string): OtaDocument[] {
  return englishOtaDocuments(corpus).filter((d) => POLICY_TYPES.has(d.type) && !isBadCapture(d));
}
