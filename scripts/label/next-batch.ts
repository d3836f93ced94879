/**
 * Print the next batch of unlabelled clauses (distinct texts) for the annotator and save it under /tmp.
 * Usage: tsx scripts/label/next-batch.ts <id> <mode> [size] [seed]
 *   FP_DOCS=<regex>: only documents whose corpus path matches (e.g. FP_DOCS=^html/changes/)
 *   mode: ai (AI/ML/model/training wording), kw:<category code> (keyword recall for one category),
 *         random (uniform over documents, round-robin so every document is sampled)
 */
import { writeFileSync } from 'node:fs';
import { corpusDir } from '../corpus';
import { batchPath, labelledHashes, type BatchItem } from './batch-io';
import { loadPool, poolFromEnv, poolUnits, type PoolUnit } from './corpus-units';
import { sectionOf } from './section';
import { cleanClauseText } from '../dataset';

const KEYWORDS: Record<string, RegExp> = {
  ai: /\b(?:train(?:s|ed|ing)?|machine[- ]learning|artificial intelligence|AI|A\.I\.|models?|LLMs?|generative|algorithm(?:s|ic)?|neural|fine-tun\w*)\b/i,
  ai2: /\b(?:Gemini|Bard|Copilot|Grok|Llama|Meta AI|Sora|Operator|scrap\w*|crawl\w*|data mining|text and data mining|robots|chatbots?|assistant|inputs?|outputs?|prompts?|conversations|feedback|research(?:ers)?|automated (?:means|systems|tools|technolog\w+|processing)|learn\w*|intelligen\w+|smart|predict\w*|insights?)\b/i,
  improve: /\b(?:improv\w+|develop\w*|research)\b.*\b(?:services?|products?|features?|technolog\w+)\b/i,
  adm: /\b(?:automat\w+|profil\w+|solely|decision)/i,
  share: /\b(?:shar\w+|disclos\w+|third[- ]part\w+|affiliates|partners|service providers|vendors)\b/i,
  sale: /\b(?:sell|sold|sale|selling|valuable consideration)\b/i,
  ads: /\b(?:advertis\w+|ads|marketing|interest-based|personali[sz]ed)\b/i,
  ret: /\b(?:retain\w*|retention|keep|kept|delete\w*|as long as|storage period)\b/i,
  xfer: /\b(?:transfer\w*|countries|outside (?:the|your)|standard contractual|adequacy|Data Privacy Framework|United States)\b/i,
  deid: /\b(?:anonymi[sz]\w+|de-?identif\w+|aggregat\w+|pseudonym\w+)\b/i,
  choice: /\b(?:opt[- ]?(?:out|in)|settings?|object|withdraw|right to|choices?|controls?|unsubscribe)\b/i,
  lic: /\b(?:licen[cs]e|royalty|sublicens\w+|worldwide)\b/i,
  arb: /\b(?:arbitrat\w+|class action|jury|dispute)\b/i,
  chg: /\b(?:chang\w+|modif\w+|amend\w+|updat\w+)\b.*\b(?:terms|policy|agreement)\b/i,
};

function pick(units: PoolUnit[], mode: string, size: number, seed: number, done: Set<string>): PoolUnit[] {
  const seen = new Set<string>();
  const fresh = units.filter((u) => {
    if (done.has(u.hash) || seen.has(u.hash)) return false;
    seen.add(u.hash);
    return true;
  });
  let rng = seed >>> 0 || 1;
  const rand = (): number => (rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  if (mode === 'random') {
    const byDoc = new Map<string, PoolUnit[]>();
    for (const u of fresh) (byDoc.get(u.doc.doc) ?? byDoc.set(u.doc.doc, []).get(u.doc.doc)!).push(u);
    const lists = [...byDoc.values()].map((l) =>
      l
        .map((u) => [rand(), u] as const)
        .sort((a, b) => a[0] - b[0])
        .map((x) => x[1]),
    );
    const out: PoolUnit[] = [];
    for (let k = 0; out.length < size && lists.some((l) => l.length); k++) {
      const l = lists[k % lists.length]!;
      if (l.length) out.push(l.shift()!);
    }
    return out;
  }
  if (mode === 'ai-context') {
    // Units whose own words are neutral but whose list lead-in or heading is about AI/models/training
    // ("…sources in order to train our models:" › "Publicly available information").
    const ai = KEYWORDS.ai!;
    const hits = fresh.filter(
      (u) =>
        !ai.test(u.clean) &&
        ((u.unit.leadIn && ai.test(u.doc.text.slice(u.unit.leadIn.start, u.unit.leadIn.end))) ||
          u.unit.headingPath.some((h) => ai.test(h))),
    );
    return hits.slice(0, size);
  }
  const code = mode.startsWith('kw:') ? mode.slice(3) : mode;
  const re = KEYWORDS[code];
  if (!re) throw new Error(`unknown mode ${mode}`);
  const hits = fresh.filter((u) => re.test(u.clean));
  // Spread over services: shuffle, then take round-robin by service.
  const bySvc = new Map<string, PoolUnit[]>();
  for (const u of hits
    .map((u) => [rand(), u] as const)
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1]))
    (bySvc.get(u.doc.service) ?? bySvc.set(u.doc.service, []).get(u.doc.service)!).push(u);
  const lists = [...bySvc.values()];
  const out: PoolUnit[] = [];
  for (let k = 0; out.length < size && lists.some((l) => l.length); k++) {
    const l = lists[k % lists.length]!;
    if (l.length) out.push(l.shift()!);
  }
  return out;
}

function main(): void {
  const [id, mode = 'ai', sizeText = '100', seedText = '1'] = process.argv.slice(2);
  if (!id) throw new Error('usage: next-batch <id> <mode> [size] [seed]');
  const only = process.env.FP_DOCS ? new RegExp(process.env.FP_DOCS) : null;
  const docs = loadPool(corpusDir(), poolFromEnv()).filter((d) => !only || only.test(d.doc));
  const chosen = pick(poolUnits(docs), mode, Number(sizeText), Number(seedText), labelledHashes());
  // Document order inside the batch keeps neighbouring sentences together for context.
  chosen.sort((a, b) =>
    a.doc.doc < b.doc.doc ? -1 : a.doc.doc > b.doc.doc ? 1 : a.unit.start - b.unit.start,
  );
  const items: BatchItem[] = chosen.map((u, i) => ({
    i,
    doc: u.doc.doc,
    extractor: u.doc.extractor,
    start: u.unit.start,
    end: u.unit.end,
    hash: u.hash,
    lead_in: u.unit.leadIn ? [u.unit.leadIn.start, u.unit.leadIn.end] : undefined,
    section: sectionOf(u.unit.headingPath),
    service: u.doc.service,
    licence: u.doc.licence,
    clean: u.clean,
    leadInText: u.unit.leadIn
      ? cleanClauseText(u.doc.text.slice(u.unit.leadIn.start, u.unit.leadIn.end))
      : undefined,
  }));
  writeFileSync(batchPath(id), JSON.stringify(items));
  let lastDoc = '';
  for (const it of items) {
    if (it.doc !== lastDoc) console.log(`\n== ${it.doc}`);
    lastDoc = it.doc;
    const sec = it.section.split(' › ').slice(-1)[0];
    console.log(
      `[${it.i}] {${sec?.slice(0, 50)}}${it.leadInText ? ` <${it.leadInText.slice(-90)}>` : ''} ${it.clean}`,
    );
  }
  console.error(`batch ${id}: ${items.length} items`);
}

main();
