/**
 * The unlabelled text word vectors are learned from: every English `ota/` document (current texts and
 * recorded versions) and the v1 `versions/` Markdown, **except the documents of the final-test groups**,
 * tokenised exactly as the classifier tokenises (`foldText` → `tokenize`), one unit per line, each distinct
 * line once (boilerplate copied across services and versions would otherwise dominate). The output contains
 * corpus text: it is written outside the repository (scratch) and only the learned vectors are committed.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../lib/classify/fold-text';
import { tokenize } from '../../lib/classify/text';
import { segmentUnits, serviceGroup, type FinalTestFile } from '../dataset';

export interface CorpusDoc {
  /** Path relative to the corpus directory. */
  path: string;
  /** Service folder name as stored. */
  service: string;
}

/** Markdown documents of `ota/` (current and versions) and of the v1 `versions/` folder. */
export function corpusDocuments(corpusDir: string): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  const ota = join(corpusDir, 'ota');
  if (existsSync(ota))
    for (const collection of readdirSync(ota).sort()) {
      const cdir = join(ota, collection);
      if (collection === 'versions') {
        for (const folder of readdirSync(cdir).sort()) {
          const service = folder.split('__')[1] ?? folder;
          for (const f of readdirSync(join(cdir, folder)).sort())
            if (f.endsWith('.md')) out.push({ path: `ota/versions/${folder}/${f}`, service });
        }
        continue;
      }
      for (const service of readdirSync(cdir).sort())
        for (const f of readdirSync(join(cdir, service)).sort())
          if (f.endsWith('.md')) out.push({ path: `ota/${collection}/${service}/${f}`, service });
    }
  const v1 = join(corpusDir, 'versions');
  if (existsSync(v1))
    for (const folder of readdirSync(v1).sort()) {
      if (folder.includes('__noise')) continue;
      const service = folder.split('__')[0] ?? folder;
      const dir = join(v1, folder);
      for (const f of readdirSync(dir).sort())
        if (f.endsWith('.md')) out.push({ path: `versions/${folder}/${f}`, service });
    }
  return out;
}

/** Whether a document belongs to a final-test group (by its service folder or any alias of it). */
export function isFinalTestDoc(doc: CorpusDoc, finalTest: FinalTestFile): boolean {
  const groups = new Set(finalTest.final_test);
  if (groups.has(serviceGroup(doc.service))) return true;
  const name = doc.service.toLowerCase();
  return finalTest.universe.some(
    (g) => groups.has(g.group) && g.services.some((s) => s.toLowerCase() === name),
  );
}

/** Token lines of the corpus (final-test documents left out), each distinct line once. */
export function embeddingLines(
  corpusDir: string,
  finalTest: FinalTestFile,
): { lines: string[]; documents: number; excluded: number; tokens: number } {
  const seen = new Set<string>();
  const lines: string[] = [];
  let documents = 0;
  let excluded = 0;
  let tokens = 0;
  for (const doc of corpusDocuments(corpusDir)) {
    if (isFinalTestDoc(doc, finalTest)) {
      excluded++;
      continue;
    }
    documents++;
    const text = readFileSync(join(corpusDir, doc.path), 'utf8');
    for (const u of segmentUnits(text)) {
      const words = tokenize(foldText(text.slice(u.start, u.end)));
      if (words.length < 3) continue;
      const line = words.join(' ');
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
      tokens += words.length;
    }
  }
  return { lines, documents, excluded, tokens };
}
