import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cappedFetch, OPAQUE_REDIRECT_DETAIL, type CappedFetchOptions } from '@/lib/fetch/capped-fetch';
import type { HopPolicy } from '@/lib/fetch/hop-policy';

// Two real local HTTP servers, so the limits and the per-hop checks run against Node's real fetch and
// streaming bodies. The second one stands for an intranet service a page would like us to read.
interface Seen {
  url: string;
  cookie?: string;
  referer?: string;
}
let main: Server;
let other: Server;
let origin = '';
let otherOrigin = '';
const seen: Seen[] = [];
const seenByOther: Seen[] = [];

function start(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () =>
      r({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

beforeAll(async () => {
  ({ server: other, origin: otherOrigin } = await start((req, res) => {
    seenByOther.push({ url: req.url ?? '' });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<h1>Intranet</h1><p>secret</p>');
  }));
  ({ server: main, origin } = await start((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer });
    const to = (location: string) => {
      res.writeHead(302, { location });
      res.end();
    };
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
    } else if (req.url === '/binary') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.from([0x3c, 0x68, 0, 1, 2, 3]));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 2_000);
    } else if (req.url === '/redirect') to('/terms');
    else if (req.url === '/to-other-port') to(`${otherOrigin}/admin`);
    else if (req.url === '/to-metadata') to('http://169.254.169.254/latest/meta-data/');
    else if (req.url === '/to-file') to('file:///etc/passwd');
    else if (req.url?.startsWith('/loop')) to(`/loop${req.url.length}`);
    else {
      res.writeHead(404);
      res.end();
    }
  }));
});
afterAll(async () => {
  await new Promise<void>((r) => main.close(() => r()));
  await new Promise<void>((r) => other.close(() => r()));
});

/** The test servers are on 127.0.0.1, so these tests play a page that is itself on 127.0.0.1. */
const grantedOnly = (...origins: string[]): HopPolicy => ({
  allowNonPublic: true,
  isGranted: (o) => origins.includes(o),
});
const opts = (extra: Partial<CappedFetchOptions> = {}): CappedFetchOptions => ({
  fetch,
  policy: grantedOnly(origin),
  ...extra,
});

describe('cappedFetch', () => {
  it('fetches an HTML page without credentials or referrer', async () => {
    const r = await cappedFetch(`${origin}/terms`, opts());
    expect(r.ok && new TextDecoder().decode(r.bytes)).toContain('We may change these terms.');
    const req = seen.find((s) => s.url === '/terms')!;
    expect(req.cookie).toBeUndefined();
    expect(req.referer).toBeUndefined();
  });

  it('follows a visible redirect within the granted origin and reports the final URL', async () => {
    const r = await cappedFetch(`${origin}/redirect`, opts());
    expect(r.ok && r.finalUrl).toBe(`${origin}/terms`);
  });

  it('does not follow a redirect to another port, and that server sees no request', async () => {
    const before = seenByOther.length;
    const r = await cappedFetch(`${origin}/to-other-port`, opts());
    expect(r).toMatchObject({ ok: false, reason: 'refused', refusal: 'not-granted' });
    expect(!r.ok && r.detail).toContain(`redirects to ${otherOrigin}/admin`);
    expect(seenByOther.length).toBe(before);
  });

  it('does not follow a redirect to a metadata address or a file, even when "granted"', async () => {
    const everything: HopPolicy = { allowNonPublic: false, isGranted: () => true };
    // The first hop is on 127.0.0.1 too, so here only the page's own origin is allowed to be non-public.
    const fromLoopback: HopPolicy = {
      allowNonPublic: false,
      isGranted: () => true,
    };
    expect(await cappedFetch(`${origin}/to-metadata`, opts({ policy: fromLoopback }))).toMatchObject({
      ok: false,
      reason: 'refused',
      refusal: 'non-public',
    });
    expect(
      await cappedFetch(`${origin}/to-file`, opts({ policy: { ...everything, allowNonPublic: true } })),
    ).toMatchObject({ ok: false, reason: 'bad-url', refusal: 'scheme' });
  });

  it('stops after too many redirects', async () => {
    expect(await cappedFetch(`${origin}/loop`, opts())).toMatchObject({
      ok: false,
      reason: 'redirect',
      detail: 'too many redirects (more than 5)',
    });
  });

  it('refuses a redirect it cannot see (the browser case) with a reason the user can act on', async () => {
    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const calls: RequestInit[] = [];
    const r = await cappedFetch(`${origin}/anything`, {
      ...opts(),
      fetch: async (_input, init) => {
        calls.push(init!);
        return opaque;
      },
    });
    expect(r).toMatchObject({ ok: false, reason: 'redirect', detail: OPAQUE_REDIRECT_DETAIL });
    expect(calls[0]).toMatchObject({
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('refuses an origin that was not granted before sending anything', async () => {
    const before = seen.length;
    expect(await cappedFetch(`${origin}/terms`, opts({ policy: grantedOnly() }))).toMatchObject({
      ok: false,
      reason: 'refused',
      refusal: 'not-granted',
    });
    expect(seen.length).toBe(before);
  });

  it('stops reading past the size cap', async () => {
    const r = await cappedFetch(`${origin}/big`, opts({ maxBytes: 256 * 1024 }));
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses non-HTML content, binary bodies, HTTP errors, bad schemes and bad URLs', async () => {
    expect(await cappedFetch(`${origin}/pdf`, opts())).toMatchObject({ ok: false, reason: 'type' });
    expect(await cappedFetch(`${origin}/binary`, opts())).toMatchObject({ ok: false, reason: 'binary' });
    expect(await cappedFetch(`${origin}/missing`, opts())).toMatchObject({ ok: false, reason: 'http' });
    expect(await cappedFetch('file:///etc/passwd', opts())).toMatchObject({ ok: false, reason: 'bad-url' });
    expect(await cappedFetch('::', opts())).toMatchObject({ ok: false, reason: 'bad-url' });
  });

  it('gives up after the timeout', async () => {
    const r = await cappedFetch(`${origin}/slow`, opts({ timeoutMs: 100 }));
    expect(r).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('reports a network failure instead of throwing', async () => {
    const r = await cappedFetch(
      'http://127.0.0.1:1/terms',
      opts({ policy: grantedOnly('http://127.0.0.1:1') }),
    );
    expect(r).toMatchObject({ ok: false, reason: 'network' });
  });
});
