/**
 * Page detection over every English ota/ document rendered as a page (./markdown-page.ts: a neutral URL, the
 * document's own first heading as title): how many privacy policies and terms are recognised, and how many
 * documents of other types are wrongly called one. Shared by the corpus test and `npm run audit:marks`.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectPage } from '../lib/detect';
import { parseHtml } from './parse-html';
import { markdownPage, neutralUrl } from './markdown-page';
import {
  englishOtaDocuments,
  isBadCapture,
  isOtherType,
  POLICY_TYPES,
  type OtaDocument,
} from './ota-documents';

export interface OtaDetection {
  /** Privacy policies and terms (captures the manifest flags as broken left out). */
  policies: number;
  policiesDetected: number;
  /** The same, also leaving out stubs under 250 words (a page that short cannot be read as a policy). */
  policiesReadable: number;
  policiesReadableDetected: number;
  others: number;
  othersCalledPolicy: number;
  /** Cookie and contract-like documents: reported, not gated. */
  neither: number;
  neitherCalledPolicy: number;
  /** Paths of the misses (terminal only). */
  missed: string[];
  wronglyCalled: string[];
}

const isPolicyKind = (kind: string) => kind === 'privacy-policy' || kind === 'terms';

export function measureOtaDetection(corpus: string): OtaDetection {
  const r: OtaDetection = {
    policies: 0,
    policiesDetected: 0,
    policiesReadable: 0,
    policiesReadableDetected: 0,
    others: 0,
    othersCalledPolicy: 0,
    neither: 0,
    neitherCalledPolicy: 0,
    missed: [],
    wronglyCalled: [],
  };
  for (const d of englishOtaDocuments(corpus) as OtaDocument[]) {
    if (isBadCapture(d)) continue;
    const md = readFileSync(join(corpus, d.file), 'utf8');
    const called = isPolicyKind(
      detectPage(parseHtml(markdownPage(md, d.service)), neutralUrl(d.service, d.file)).kind,
    );
    if (POLICY_TYPES.has(d.type)) {
      r.policies++;
      if (called) r.policiesDetected++;
      else r.missed.push(d.file);
      if (md.split(/\s+/).length >= 250) {
        r.policiesReadable++;
        if (called) r.policiesReadableDetected++;
      }
    } else if (isOtherType(d.type)) {
      r.others++;
      if (called) {
        r.othersCalledPolicy++;
        r.wronglyCalled.push(d.file);
      }
    } else {
      r.neither++;
      if (called) r.neitherCalledPolicy++;
    }
  }
  return r;
}

/**
 * The same figures per half of the services (assigned by a seeded hash, never by looking at them) and per
 * collection: whether a rule is carried by a few services shows as a gap between the halves.
 */
export function detectionBySplit(corpus: string, r: OtaDetection = measureOtaDetection(corpus)): string[] {
  const missed = new Set(r.missed);
  const wrong = new Set(r.wronglyCalled);
  const half = (service: string) =>
    parseInt(createHash('sha256').update(`detect split:${service}`).digest('hex').slice(0, 8), 16) % 2;
  const groups = new Map<string, { p: number; pd: number; o: number; oc: number; services: Set<string> }>();
  for (const d of englishOtaDocuments(corpus)) {
    if (isBadCapture(d)) continue;
    for (const k of [`services half ${half(d.service)}`, `collection ${d.collection}`]) {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { p: 0, pd: 0, o: 0, oc: 0, services: new Set() }));
      g.services.add(d.service);
      if (POLICY_TYPES.has(d.type)) {
        g.p++;
        if (!missed.has(d.file)) g.pd++;
      } else if (isOtherType(d.type)) {
        g.o++;
        if (wrong.has(d.file)) g.oc++;
      }
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([k, g]) =>
        `${k} (${g.services.size} services): policies detected ${g.pd}/${g.p}, other types called a policy ${g.oc}/${g.o}`,
    );
}
