/**
 * `fineprint` command line: the extension's own pipeline (detect → extract → classify → explain, and the
 * clause diff) on a file or a URL. See `usage()` for commands, options and exit codes.
 *
 * Run: `npm run -s fineprint -- analyze <file|url> [--url URL] [--format json|text] [--locale de]`
 *      `npm run -s fineprint -- diff <old> <new> [--format json|text]`
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs as parseOptions } from 'node:util';
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '../lib/classify/taxonomy';
import { diffClauses } from '../lib/diff';
import { explainClauseIn } from '../lib/explain';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../lib/i18n';
import { siteOf } from '../lib/checkout/site';
import { cappedFetch, type FetchFailure, type FetchResult } from '../lib/fetch/capped-fetch';
import { decodeBytes, looksBinary } from '../lib/fetch/decode';
import { pageAllowsNonPublic, type HopPolicy } from '../lib/fetch/hop-policy';
import { parseHtml, UnreadableInputError } from './parse-html';
import { analyzeDocument, analyzeText, TRUNCATED_REASON } from '../lib/pipeline';
import type { AnalysedClause, ClauseDiff, Label, PageAnalysis } from '../lib/types';

export const EXIT = { ok: 0, usage: 2, unreadable: 3 } as const;

/** Largest input read, from disk or network. */
export const MAX_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const ACCEPTED_TYPES =
  /^(?:text\/html|application\/xhtml\+xml|text\/plain|text\/markdown|text\/x-markdown)\b/i;

export function usage(): string {
  return `fineprint — explain the terms of a privacy policy or terms of service, on your machine.

Usage:
  fineprint analyze <file.html|file.md|file.txt|http(s)-url> [--url URL] [--format json|text]
                    [--locale CODE] [--assume-policy] [--timeout SECONDS]
  fineprint diff <old> <new> [--format json|text] [--timeout SECONDS]
  fineprint --help

Input: .html/.htm (or any file that looks like HTML) is detected and extracted like a page in the
browser; .md/.markdown is read as an already-extracted policy (headings #, lists -, *, 1.); .txt as
plain text. A URL is fetched once (no cookies, at most ${MAX_REDIRECTS} redirects and only within its own
site, never from a public address to a private one, ${MAX_BYTES / 1024 / 1024} MB, HTML or text only). Nothing else
leaves your machine.

Options:
  --url URL          the page's address, used for detection (default: the file path or fetched URL)
  --format json|text json (default; stable contract) or a readable summary grouped by category
  --locale CODE      language of the explanations: ${LOCALES.join(', ')} (default en); the policy
                     itself must still be in English
  --assume-policy    analyse the page even if it does not look like a policy
  --timeout SECONDS  network timeout for URL input (default 10)

Exit codes:
  0  analysed — including pages that are not a policy or not in English: the output says so
     (JSON: "unsupported": {"reason","message"}; text: one line)
  2  usage error (unknown command or option, missing argument)
  3  unreadable input (missing/empty/binary file, too large, network error, timeout, non-HTML response)
`;
}

export class UsageError extends Error {}

/** The extension's `_locales`: the languages the explanations are written in. */
const LOCALES_DIR = resolve(fileURLToPath(import.meta.url), '../../public/_locales');
const LOCALES = readdirSync(LOCALES_DIR).sort();

/** The translator of one UI language, read from the extension's own catalogue. */
export function translatorFor(locale: string): Translate {
  const catalogue = JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
  return createTranslator(getMessageFromCatalogue(catalogue));
}

export interface CliOptions {
  command: 'analyze' | 'diff' | 'help';
  inputs: string[];
  url?: string;
  format: 'json' | 'text';
  /** Language of the explanations (a `_locales` directory). */
  locale: string;
  assumePolicy: boolean;
  timeoutMs: number;
}

/** The options `parseArgs` accepts (node:util's parser: `--name value` and `--name=value`). */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  url: { type: 'string' },
  format: { type: 'string' },
  locale: { type: 'string' },
  'assume-policy': { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

/** Parse argv (without node and script). @throws UsageError */
export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    command: 'help',
    inputs: [],
    format: 'json',
    locale: 'en',
    assumePolicy: false,
    timeoutMs: 10_000,
  };
  const { values, positionals: rest } = (() => {
    try {
      return parseOptions({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      // Unknown option, a missing value, or a value that looks like an option ("-1"): Node's first line says
      // which; the rest is advice for programmers.
      throw new UsageError((error as Error).message.split('\n')[0]);
    }
  })();
  if (values.help) return { ...opts, command: 'help' };
  if (values.url !== undefined) opts.url = values.url;
  if (values.format !== undefined) {
    const f = values.format;
    if (f !== 'json' && f !== 'text') throw new UsageError(`--format must be json or text, not "${f}"`);
    opts.format = f;
  }
  if (values.locale !== undefined) {
    // "de-DE", "pt_BR": the catalogues are per language.
    const l = values.locale.toLowerCase().split(/[-_]/)[0]!;
    if (!LOCALES.includes(l))
      throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}, not "${values.locale}"`);
    opts.locale = l;
  }
  if (values['assume-policy']) opts.assumePolicy = true;
  if (values.timeout !== undefined) {
    const sec = Number(values.timeout);
    if (!Number.isFinite(sec) || sec <= 0)
      throw new UsageError('--timeout must be a positive number of seconds');
    opts.timeoutMs = sec * 1000;
  }
  const [command, ...inputs] = rest;
  if (command === undefined) return opts;
  if (command !== 'analyze' && command !== 'diff')
    throw new UsageError(`unknown command "${command}" (analyze, diff)`);
  const needed = command === 'analyze' ? 1 : 2;
  if (inputs.length !== needed)
    throw new UsageError(`${command} takes ${needed} input${needed > 1 ? 's' : ''}, got ${inputs.length}`);
  return { ...opts, command, inputs };
}

export interface LoadedInput {
  text: string;
  format: 'html' | 'markdown' | 'text';
  /** Address used for detection. */
  url: string;
}

function formatFor(name: string, contentType: string | null, text: string): LoadedInput['format'] {
  const ext = extname(name.split(/[?#]/)[0] ?? '').toLowerCase();
  if (ext === '.md' || ext === '.markdown' || /markdown/i.test(contentType ?? '')) return 'markdown';
  if (ext === '.htm' || ext === '.html' || ext === '.xhtml' || /html/i.test(contentType ?? '')) return 'html';
  if (ext === '.txt' || /text\/plain/i.test(contentType ?? '')) return 'text';
  return /<(?:!doctype html|html|body|p|div|h1)\b/i.test(text.slice(0, 5000)) ? 'html' : 'text';
}

/** Read and decode a local file. @throws UnreadableInputError */
export function loadFile(path: string): LoadedInput {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UnreadableInputError(`${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e;
    throw new UnreadableInputError(`cannot read ${path}: no such file or not readable`);
  }
  if (size === 0) throw new UnreadableInputError(`${path} is empty`);
  if (size > MAX_BYTES)
    throw new UnreadableInputError(
      `${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB`,
    );
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) throw new UnreadableInputError(`${path} looks like binary data, not HTML or text`);
  const { text } = decodeBytes(bytes);
  if (!text.trim()) throw new UnreadableInputError(`${path} contains only whitespace`);
  return { text, format: formatFor(path, null, text), url: pathToFileURL(path).href };
}

/**
 * The sites a URL the user gave may lead the CLI to: that URL's own site (registrable domain, either scheme, any
 * port), so `example.com` → `https://www.example.com` is followed and a redirect to another site is not.
 */
export function cliHopPolicy(url: string): HopPolicy {
  let site: string | null = null;
  try {
    site = siteOf(new URL(url).hostname);
  } catch {
    site = null;
  }
  return {
    // A URL on the user's own network may be read if that is what they typed; a public one may not lead there.
    allowNonPublic: pageAllowsNonPublic(url),
    isGranted: (origin) => site !== null && siteOf(new URL(origin).hostname) === site,
  };
}

function unreadable(url: string, failure: Extract<FetchResult, { ok: false }>, timeoutMs: number): never {
  const messages: Record<FetchFailure, string> = {
    'bad-url': `refusing to fetch ${url}: ${failure.detail}`,
    refused: `refusing to fetch ${url}: ${failure.detail}; run fineprint on that address itself if you trust it`,
    redirect: `${url}: ${failure.detail}`,
    http: `${url} answered ${failure.detail}`,
    type: `${url} is ${failure.detail.split(',')[0]}, not HTML or text`,
    binary: `${url} is binary data, not HTML or text`,
    'too-large': `${url} is larger than ${MAX_BYTES / 1048576} MB`,
    timeout: `${url} did not answer within ${timeoutMs / 1000} s`,
    network: `cannot fetch ${url}: ${failure.detail}`,
  };
  throw new UnreadableInputError(messages[failure.reason]);
}

/**
 * Fetch a URL the user gave through the extension's own capped fetch (lib/fetch): no cookies or credentials,
 * each redirect hop checked (same site; no private address from a public one) and followed by hand, a timeout,
 * a content-type allow-list and a size cap while streaming.
 * @throws UnreadableInputError
 */
export async function loadUrl(
  url: string,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<LoadedInput> {
  const res = await cappedFetch(url, {
    fetch: fetchImpl,
    policy: cliHopPolicy(url),
    maxBytes: MAX_BYTES,
    timeoutMs,
    maxRedirects: MAX_REDIRECTS,
    accept: ACCEPTED_TYPES,
    acceptHeader: 'text/html,application/xhtml+xml,text/plain;q=0.8,text/markdown;q=0.8',
  });
  if (!res.ok) unreadable(url, res, timeoutMs);
  if (!res.bytes.length) throw new UnreadableInputError(`${res.finalUrl} returned an empty body`);
  const { text } = decodeBytes(res.bytes, res.contentType);
  return {
    text,
    format: formatFor(new URL(res.finalUrl).pathname, res.contentType, text),
    url: res.finalUrl,
  };
}

/** Load a file path or http(s) URL. */
export function loadInput(input: string, timeoutMs: number): Promise<LoadedInput> {
  return /^https?:\/\//i.test(input)
    ? loadUrl(input, timeoutMs)
    : Promise.resolve().then(() => loadFile(input));
}

/** Analyse loaded input with the shared pipeline. */
export function analyzeInput(
  input: LoadedInput,
  opts: Pick<CliOptions, 'url' | 'assumePolicy'>,
): PageAnalysis {
  const url = opts.url ?? input.url;
  // No one can open an accordion in a file: read collapsed sections too.
  if (input.format === 'html')
    return analyzeDocument(parseHtml(input.text), {
      url,
      assumePolicy: opts.assumePolicy,
      includeCollapsed: true,
    });
  return analyzeText(input.text, { url, format: input.format });
}

function labelJson(l: Label) {
  return {
    category: l.category,
    stance: l.stance,
    confidence: l.confidence,
    evidence: l.evidence,
    ...(l.explanation ? { explanation: l.explanation } : {}),
  };
}

function clauseJson(c: AnalysedClause) {
  return {
    id: c.id,
    text: c.text,
    section: c.section,
    headingPath: c.headingPath,
    unit: c.unit,
    ...(c.leadIn ? { leadIn: c.leadIn } : {}),
    labels: c.labels.map(labelJson),
    // Weaker labels: listed as "possible" in the popup, never painted or counted.
    ...(c.possible?.length ? { possible: c.possible.map(labelJson) } : {}),
    explanation: c.explanation,
    slots: c.slots,
  };
}

/** The stable JSON contract of `analyze` (extra fields may be added, never removed). */
export function analysisJson(a: PageAnalysis) {
  return {
    page: {
      kind: a.page.kind,
      confidence: a.page.confidence,
      language: a.page.language,
      title: a.page.title,
      ...(a.page.url ? { url: a.page.url } : {}),
      reasons: a.page.reasons ?? [],
      ...(a.page.reasons?.includes(TRUNCATED_REASON) ? { truncated: true } : {}),
    },
    clauses: a.clauses.map(clauseJson),
    ...(a.unsupported ? { unsupported: a.unsupported } : {}),
  };
}

/** The stable JSON contract of `diff`. */
export function diffJson(d: ClauseDiff) {
  return {
    changed: d.changed,
    added: d.added.map(clauseJson),
    removed: d.removed.map(clauseJson),
    modified: d.modified.map((m) => ({ before: clauseJson(m.before), after: clauseJson(m.after) })),
    categories: d.categories,
  };
}

const byWeight = [...CATEGORY_IDS].sort((a, b) => TAXONOMY[b].weight - TAXONOMY[a].weight);

function excerpt(s: string, n = 220): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Readable summary grouped by category, most important categories first. */
export function analysisText(a: PageAnalysis): string {
  const lines: string[] = [];
  const p = a.page;
  lines.push(
    `${p.title || '(untitled)'} — ${p.kind} (confidence ${p.confidence.toFixed(2)}, language ${p.language})`,
  );
  if (a.unsupported) {
    lines.push(`Not analysed: ${a.unsupported.message}`);
    return lines.join('\n');
  }
  if (p.reasons?.includes(TRUNCATED_REASON))
    lines.push('Note: the page is very large; only its first part was analysed.');
  const labelled = a.clauses.filter((c) => c.labels.length);
  lines.push(`${a.clauses.length} clauses, ${labelled.length} with a data-use or AI finding.`);
  for (const cat of byWeight) {
    const hits = a.clauses.filter((c) => c.labels.some((l) => l.category === cat));
    if (!hits.length) continue;
    lines.push('', `## ${TAXONOMY[cat].name} (${hits.length})`, `   ${TAXONOMY[cat].meaning}`);
    for (const c of hits) {
      const l = c.labels.find((x) => x.category === cat)!;
      // A label a trusted rule set may carry a low model probability: say where it came from.
      const basis = l.evidence.rule ? `, rule ${l.evidence.rule}` : '';
      lines.push(`- [${l.stance}, ${l.confidence.toFixed(2)}${basis}] ${excerpt(c.text)}`);
      if (c.section) lines.push(`    in: ${excerpt(c.section, 120)}`);
      const explanation = l.explanation ?? c.explanation;
      if (explanation) lines.push(`    → ${explanation}`);
    }
  }
  if (!labelled.length) lines.push('', 'No AI-training or data-use clauses were recognised.');
  const possible = a.clauses.filter((c) => c.possible?.length);
  if (possible.length) {
    lines.push(
      '',
      `## Possible, not marked (${possible.length})`,
      '   Less certain: not highlighted on the page.',
    );
    for (const c of possible)
      for (const l of c.possible!)
        lines.push(
          `- [${TAXONOMY[l.category].name}, ${l.stance}, ${l.confidence.toFixed(2)}] ${excerpt(c.text)}`,
        );
  }
  return lines.join('\n');
}

export function diffText(d: ClauseDiff): string {
  if (!d.changed) return 'No clause changed.';
  const lines = [
    `${d.added.length} added, ${d.removed.length} removed, ${d.modified.length} modified clause(s).`,
  ];
  const cats = Object.entries(d.categories) as [CategoryId, { added: number; removed: number }][];
  for (const [cat, n] of cats) lines.push(`  ${TAXONOMY[cat]?.name ?? cat}: +${n.added} −${n.removed}`);
  for (const c of d.added) lines.push(`+ ${excerpt(c.text)}`);
  for (const c of d.removed) lines.push(`- ${excerpt(c.text)}`);
  for (const m of d.modified)
    lines.push(`~ ${excerpt(m.before.text, 150)}`, `  → ${excerpt(m.after.text, 150)}`);
  return lines.join('\n');
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Run the CLI; resolves to the exit code. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.err(`fineprint: ${(e as Error).message}. Try --help.`);
    return EXIT.usage;
  }
  if (opts.command === 'help') {
    io.out(usage());
    return EXIT.ok;
  }
  try {
    if (opts.command === 'analyze') {
      const read = analyzeInput(await loadInput(opts.inputs[0]!, opts.timeoutMs), opts);
      const t = opts.locale === 'en' ? null : translatorFor(opts.locale);
      const analysis = t ? { ...read, clauses: read.clauses.map((c) => explainClauseIn(c, t)) } : read;
      io.out(
        opts.format === 'json' ? JSON.stringify(analysisJson(analysis), null, 2) : analysisText(analysis),
      );
      return EXIT.ok;
    }
    const [before, after] = await Promise.all(opts.inputs.map((i) => loadInput(i, opts.timeoutMs)));
    const a = analyzeInput(before!, { assumePolicy: true });
    const b = analyzeInput(after!, { assumePolicy: true });
    for (const [name, x] of [
      [opts.inputs[0], a],
      [opts.inputs[1], b],
    ] as const) {
      if (x.unsupported && x.unsupported.reason !== 'not-a-policy')
        io.err(`fineprint: ${name}: ${x.unsupported.message}`);
    }
    const d = diffClauses(a.clauses, b.clauses);
    io.out(opts.format === 'json' ? JSON.stringify(diffJson(d), null, 2) : diffText(d));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UnreadableInputError) {
      io.err(`fineprint: ${e.message}`);
      return EXIT.unreadable;
    }
    // Anything else is our bug; still one line unless asked for details.
    io.err(`fineprint: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.FINEPRINT_DEBUG) io.err(String((e as Error)?.stack));
    return 1;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  void run(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
