import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, loadUrl, MAX_BYTES, parseArgs, run, UsageError } from '../../scripts/cli';

const SAMPLE = 'data/samples/examplify-privacy-policy.html';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let server: Server;
let base: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fineprint-cli-'));
  const policy = readFileSync(SAMPLE);
  server = createServer((req, res) => {
    seen.push(req.headers);
    const path = req.url ?? '/';
    if (path === '/policy') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=abc' });
      res.end(policy);
    } else if (path === '/redirect') {
      res.writeHead(302, { location: '/policy' });
      res.end();
    } else if (path.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${path.length}` });
      res.end();
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent <= MAX_BYTES + 2 * chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      push();
    } else if (path === '/slow') {
      // Never answers; the client must time out.
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>not found</p>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('arguments', () => {
  it('--help documents commands and exit codes', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Exit codes:/);
    expect(r.out).toMatch(/3 {2}unreadable input/);
  });

  it.each([
    [['frobnicate', 'x']],
    [['analyze']],
    [['analyze', 'a', 'b']],
    [['diff', 'a']],
    [['analyze', SAMPLE, '--format', 'yaml']],
    [['analyze', SAMPLE, '--bogus']],
    [['analyze', SAMPLE, '--url']],
    [['analyze', SAMPLE, '--timeout', '-1']],
  ])('usage error → exit 2 with one line: %j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^fineprint: .*Try --help\.$/);
  });

  it('parseArgs reads options', () => {
    expect(
      parseArgs(['analyze', 'x.html', '--url', 'https://a.example/p', '--format', 'text', '--timeout', '2']),
    ).toMatchObject({
      command: 'analyze',
      inputs: ['x.html'],
      url: 'https://a.example/p',
      format: 'text',
      timeoutMs: 2000,
    });
    expect(() => parseArgs(['nope'])).toThrow(UsageError);
  });

  it('parseArgs takes --name=value too, and refuses unknown options and missing values', () => {
    expect(parseArgs(['analyze', 'x.html', '--url=https://a.example/p']).url).toBe('https://a.example/p');
    expect(() => parseArgs(['analyze', 'x.html', '--bogus'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', 'x.html', '--url'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', 'x.html', '--url', '--format', 'text'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', 'x.html', '--format', 'xml'])).toThrow(/json or text/);
  });
});

describe('analyze', () => {
  it('prints the stable JSON contract for an HTML file', async () => {
    const r = await cli('analyze', SAMPLE, '--url', 'https://examplify.example/privacy');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json.page)).toEqual(
      expect.arrayContaining(['kind', 'confidence', 'language', 'title']),
    );
    expect(json.page).toMatchObject({
      kind: 'privacy-policy',
      language: 'en',
      url: 'https://examplify.example/privacy',
    });
    const c = json.clauses.find((x: { text: string }) =>
      /train and improve the machine learning models/.test(x.text),
    );
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining(['id', 'text', 'section', 'labels', 'explanation', 'slots']),
    );
    expect(Object.keys(c.slots)).toEqual(
      expect.arrayContaining(['data', 'purposes', 'safeguards', 'choice']),
    );
    expect(c.labels[0]).toMatchObject({ category: 'ai-training', stance: 'permits' });
    expect(typeof c.labels[0].confidence).toBe('number');
  });

  it('prints a readable summary grouped by category with --format text', async () => {
    const r = await cli('analyze', SAMPLE, '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Privacy Policy \| Examplify — privacy-policy/);
    expect(r.out).toMatch(/## AI training \(\d+\)/);
    expect(r.out.indexOf('## AI training')).toBeLessThan(r.out.indexOf('## Retention'));
  });

  it('reads Markdown and plain text as extracted policies', async () => {
    const md = file(
      'p.md',
      '# Privacy\n\nWe may use your content to train our machine learning models, and you can opt out in settings.\n',
    );
    const r = await cli('analyze', md);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).clauses[0].section).toBe('Privacy');
    const txt = file(
      'p.txt',
      'We do not sell your personal information to anyone, and we do not share it for advertising.',
    );
    expect((await cli('analyze', txt)).code).toBe(0);
  });

  it('a page that is not a policy is still exit 0, with the reason', async () => {
    const r = await cli('analyze', 'tests/fixtures/pages/recipe-with-footer.html', '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Not analysed: This page is not a privacy policy or terms\./);
    const j = await cli('analyze', 'tests/fixtures/pages/french-policy.html');
    expect(JSON.parse(j.out).unsupported).toMatchObject({ reason: 'language' });
  });

  it('decodes a windows-1252 file declared by <meta charset>', async () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><p>Caf\xe9 Example collects your e-mail address when you create an account with us.</p></main></body></html>';
    const p = file('latin.html', Buffer.from(html, 'latin1'));
    const r = await cli('analyze', p, '--assume-policy');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Café Example collects/);
  });

  it.each([
    ['missing file', () => join(dir, 'nope.html'), /no such file/],
    ['empty file', () => file('empty.html', ''), /is empty/],
    ['whitespace file', () => file('blank.html', '  \n\n '), /only whitespace/],
    [
      'binary file',
      () => file('bin.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])),
      /binary/,
    ],
    ['directory', () => dir, /not a file|no such file/],
  ])('%s → exit 3, one line, no stack trace', async (_name, make, message) => {
    const r = await cli('analyze', make());
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('analyze <url>', () => {
  it('fetches a policy without sending cookies, following a redirect', async () => {
    seen.length = 0;
    const r = await cli('analyze', `${base}/redirect`);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.page.kind).toBe('privacy-policy');
    expect(json.page.url).toBe(`${base}/policy`);
    expect(seen.map((h) => h.cookie)).toEqual([undefined, undefined]);
  });

  it.each([
    ['/loop', /too many redirects/],
    ['/pdf', /application\/pdf, not HTML or text/],
    ['/missing', /HTTP 404/],
    ['/huge', /larger than 20 MB/],
  ])('%s → exit 3', async (path, message) => {
    const r = await cli('analyze', `${base}${path}`);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toMatch(message);
  });

  it('follows redirects within the site it was given, and refuses one to another site or a private address', async () => {
    const requested: string[] = [];
    const hops: Record<string, string> = {
      'https://example.com/terms': 'https://www.example.com/terms',
      'https://example.com/away': 'https://tracker.example.net/terms',
      'https://example.com/inside': 'http://169.254.169.254/latest/meta-data/',
      'https://example.com/lan': 'http://192.168.1.1/',
    };
    const fake: typeof fetch = async (input) => {
      const url = String(input);
      requested.push(url);
      if (hops[url]) return new Response(null, { status: 302, headers: { location: hops[url]! } });
      return new Response('<h1>Terms</h1><p>We may change these terms.</p>', {
        headers: { 'content-type': 'text/html' },
      });
    };
    expect((await loadUrl('https://example.com/terms', 5_000, fake)).url).toBe(
      'https://www.example.com/terms',
    );
    for (const [path, why] of [
      ['/away', /refusing to fetch .*tracker\.example\.net.*not allowed/],
      ['/inside', /refusing to fetch .*cloud metadata service/],
      ['/lan', /refusing to fetch .*private network address/],
    ] as const) {
      requested.length = 0;
      await expect(loadUrl(`https://example.com${path}`, 5_000, fake)).rejects.toThrow(why);
      expect(requested).toEqual([`https://example.com${path}`]);
    }
  });

  it('times out on a server that does not answer', async () => {
    const t = Date.now();
    const r = await cli('analyze', `${base}/slow`, '--timeout', '0.5');
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toMatch(/did not answer within 0.5 s/);
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('reports a refused connection', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const r = await cli('analyze', `http://127.0.0.1:${port}/`);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toMatch(/cannot fetch/);
  });
});

describe('diff', () => {
  it('reports the removed AI-training clause between two versions', async () => {
    const before = readFileSync(SAMPLE, 'utf8');
    const after = before.replace(/<p>\s*We may use the content you submit[\s\S]*?<\/p>/, '');
    expect(after).not.toBe(before);
    const r = await cli('diff', SAMPLE, file('after.html', after));
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining(['changed', 'added', 'removed', 'modified', 'categories']),
    );
    expect(d.changed).toBe(true);
    expect(d.removed.map((c: { text: string }) => c.text).join(' ')).toMatch(/train and improve/);
  });

  it('identical inputs: no change, text format says so', async () => {
    const r = await cli('diff', SAMPLE, SAMPLE, '--format', 'text');
    expect(r.code).toBe(0);
    expect(r.out).toBe('No clause changed.');
  });
});
