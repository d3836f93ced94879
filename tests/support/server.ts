/**
 * The local page server and small waiting helper shared by the real-browser harnesses (Chromium:
 * tests/support/harness.ts, Firefox: tests/support/firefox.ts) and the benchmarks: an HTTP server on 127.0.0.1
 * that serves corpus pages in place and the team's fixtures, and records every request it gets.
 * @module
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { corpusDir } from '../../scripts/corpus';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES_DIR = resolve(REPO_ROOT, 'tests/fixtures');

/** What a route serves. Routes can be swapped at any time with `server.set` (version A/B tests). */
export type Route =
  | { corpus: string; type?: string }
  | { fixture: string; type?: string }
  | { file: string; type?: string }
  | { body: string | Buffer; type?: string; status?: number; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  /** Path + query as received. */
  path: string;
  host: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Absolute URL for a path on this server. */
  url: (path: string) => string;
  /** Adds or replaces a route. */
  set: (path: string, route: Route) => void;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

function inside(base: string, rel: string): string {
  const full = resolve(base, rel);
  if (full !== base && !full.startsWith(base + sep)) throw new Error(`path escapes ${base}: ${rel}`);
  return full;
}

function resolveRoute(route: Route): {
  body: Buffer | string;
  type: string;
  status: number;
  headers: Record<string, string>;
} {
  if ('body' in route) {
    return {
      body: route.body,
      type: route.type ?? TYPES['.html']!,
      status: route.status ?? 200,
      headers: route.headers ?? {},
    };
  }
  const path =
    'corpus' in route
      ? inside(corpusDir(), route.corpus)
      : 'fixture' in route
        ? inside(FIXTURES_DIR, route.fixture)
        : resolve(route.file);
  return {
    body: readFileSync(path),
    type: route.type ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    status: 200,
    headers: {},
  };
}

/**
 * Starts an HTTP server on 127.0.0.1 (random port). Corpus files are read in place from `corpusDir()`,
 * team fixtures from tests/fixtures. Unknown paths get 404 (and are still recorded).
 */
export async function serve(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      path,
      host: req.headers.host ?? '',
      headers: req.headers,
      at: Date.now(),
    });
    const route = table.get(path) ?? table.get(path.split('?')[0]!);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const { body, type, status, headers } = resolveRoute(route);
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    set: (path, route) => void table.set(path, route),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Polls `check` until it returns a truthy value or the timeout passes; returns the last value. */
export async function waitFor<T>(check: () => Promise<T> | T, timeout = 10_000, interval = 100): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await check();
  while (!value && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval));
    value = await check();
  }
  return value;
}

/**
 * Real corpus pages the browser suites serve (read in place), with paths like the ones such pages have
 * on their sites (detection may look at the URL).
 */
export const CORPUS_PAGES = {
  policy: {
    doc: 'html/policy/genai-eu__ChatGPT__Privacy_Policy_policies-eu-privacy-policy.html',
    path: '/policies/eu-privacy-policy',
  },
  terms: {
    doc: 'html/policy/genai-eu__ChatGPT__Terms_of_Service_policies-eu-terms-of-use.html',
    path: '/policies/eu-terms-of-use',
  },
  longPolicy: {
    doc: 'html/policy/genai-eu__Claude.ai__Privacy_Policy_legal-privacy.html',
    path: '/legal/privacy',
  },
  news: { doc: 'html/negative/readability__guardian-1__article.html', path: '/world/2015/article' },
  news2: { doc: 'html/negative/readability__nytimes-1__article.html', path: '/2015/05/world/article.html' },
} as const;
