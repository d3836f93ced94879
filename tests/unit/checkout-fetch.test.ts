import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePolicyBytes, fetchPolicy } from '@/lib/checkout/fetch-policy';

// A real local HTTP server, so the limits are checked against Node's real fetch and streaming bodies.
let server: Server;
let origin = '';
const seen: { url: string; cookie?: string; referer?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer });
    if (req.url === '/terms') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<h1>Terms</h1><p>We may change these terms.</p>');
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' }); // no content-length: chunked, must be cut mid-stream
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent += 1;
        if (sent < 40) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else if (req.url === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 2_000);
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: '/terms' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('fetchPolicy', () => {
  it('fetches an HTML page without credentials or referrer', async () => {
    const r = await fetchPolicy(`${origin}/terms`, { fetch });
    expect(r.ok && new TextDecoder().decode(r.bytes)).toContain('We may change these terms.');
    const req = seen.find((s) => s.url === '/terms')!;
    expect(req.cookie).toBeUndefined();
    expect(req.referer).toBeUndefined();
  });

  it('follows a redirect and reports the final URL', async () => {
    const r = await fetchPolicy(`${origin}/redirect`, { fetch });
    expect(r.ok && r.finalUrl).toBe(`${origin}/terms`);
  });

  it('stops reading past the size cap', async () => {
    const r = await fetchPolicy(`${origin}/big`, { fetch, maxBytes: 256 * 1024 });
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses non-HTML content, HTTP errors, bad schemes and bad URLs', async () => {
    expect(await fetchPolicy(`${origin}/pdf`, { fetch })).toMatchObject({ ok: false, reason: 'type' });
    expect(await fetchPolicy(`${origin}/missing`, { fetch })).toMatchObject({ ok: false, reason: 'http' });
    expect(await fetchPolicy('file:///etc/passwd', { fetch })).toMatchObject({
      ok: false,
      reason: 'bad-url',
    });
    expect(await fetchPolicy('::', { fetch })).toMatchObject({ ok: false, reason: 'bad-url' });
  });

  it('gives up after the timeout', async () => {
    const r = await fetchPolicy(`${origin}/slow`, { fetch, timeoutMs: 100 });
    expect(r).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('reports a network failure instead of throwing', async () => {
    const r = await fetchPolicy('http://127.0.0.1:1/terms', { fetch });
    expect(r).toMatchObject({ ok: false, reason: 'network' });
  });
});

describe('decodePolicyBytes', () => {
  const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café" in ISO-8859-1
  it('uses the Content-Type charset', () =>
    expect(decodePolicyBytes(latin1, 'text/html; charset=ISO-8859-1')).toBe('Café'));
  it('uses a <meta charset>', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252">'), 0xe9]);
    expect(decodePolicyBytes(bytes, 'text/html')).toBe('<meta charset="windows-1252">é');
  });
  it('defaults to UTF-8 and falls back to windows-1252 for invalid UTF-8', () => {
    expect(decodePolicyBytes(new TextEncoder().encode('Café'), 'text/html')).toBe('Café');
    expect(decodePolicyBytes(latin1, 'text/html')).toBe('Café');
  });
});
