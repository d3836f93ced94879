import { describe, expect, it } from 'vitest';
import { hostClass } from '@/lib/fetch/address';
import { checkHop, pageAllowsNonPublic, type HopPolicy } from '@/lib/fetch/hop-policy';
import { fetchTargetOf, originOf, originPattern, originPatterns } from '@/lib/fetch/origins';
import { addGrants, isOriginGranted, readGrants, removeGrantsCoveredBy } from '@/lib/fetch/grants';

/** The class of the host of `url` as the URL parser normalises it (how every caller sees hosts). */
const classOf = (url: string) => hostClass(new URL(url).hostname);

describe('hostClass', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10:8080/', 'loopback'],
    ['http://2130706433/', 'loopback'], // 127.0.0.1 written as one number
    ['http://0x7f.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://shop.localhost/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[febf::1]/', 'link-local'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://metadata.google.internal/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://[64:ff9b::169.254.169.254]/', 'metadata'],
    ['http://intranet/', 'local-name'],
    ['http://printer.local/', 'local-name'],
    ['http://wiki.corp.internal/', 'local-name'],
    ['http://router.home.arpa/', 'local-name'],
    ['http://0.0.0.0/', 'reserved'],
    ['http://[::]/', 'reserved'],
    ['http://224.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'reserved'],
  ])('%s is %s', (url, cls) => expect(classOf(url)).toBe(cls));

  it.each([
    'https://shop.example/',
    'https://172.32.0.1/',
    'https://172.15.0.1/',
    'https://8.8.8.8/',
    'https://169.255.0.1/',
    'https://[2001:db8::1]/',
    'https://[fec0::1]/',
    'https://localhost.example.com/',
    'https://xn--caf-dma.example/',
  ])('%s is public', (url) => expect(classOf(url)).toBe('public'));
});

describe('origins', () => {
  it('keeps the port in the exact origin, drops it from the permission pattern', () => {
    expect(originOf('http://127.0.0.1:8080/terms?x#y')).toBe('http://127.0.0.1:8080');
    expect(originOf('https://Shop.Example:443/terms')).toBe('https://shop.example');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
    expect(originPattern('https://shop.example:8443/terms')).toBe('https://shop.example/*');
    expect(originPattern('ftp://shop.example/')).toBeNull();
    expect(
      originPatterns(['https://b.example/x', 'https://a.example/y', 'https://b.example/z', 'nope']),
    ).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('reads a plain-http link from an https page over https, on the same host and path', () => {
    expect(fetchTargetOf('http://shop.example/terms?a=1', 'https://shop.example/checkout')).toBe(
      'https://shop.example/terms?a=1',
    );
    expect(fetchTargetOf('http://shop.example:8080/terms', 'https://shop.example/checkout')).toBe(
      'http://shop.example:8080/terms',
    );
    expect(fetchTargetOf('http://127.0.0.1:5000/terms', 'http://127.0.0.1:5000/checkout')).toBe(
      'http://127.0.0.1:5000/terms',
    );
  });
});

describe('checkHop', () => {
  const granted = (...origins: string[]): HopPolicy => ({
    allowNonPublic: false,
    isGranted: (o) => origins.includes(o),
  });

  it('allows exactly the granted origin: another port, scheme or host is refused', async () => {
    const policy = { ...granted('http://127.0.0.1:5000'), allowNonPublic: true };
    expect((await checkHop('http://127.0.0.1:5000/terms', policy)).ok).toBe(true);
    expect(await checkHop('http://127.0.0.1:5001/terms', policy)).toMatchObject({
      ok: false,
      refusal: 'not-granted',
    });
    expect(await checkHop('https://127.0.0.1:5000/terms', policy)).toMatchObject({
      ok: false,
      refusal: 'not-granted',
    });
    expect(await checkHop('http://localhost:5000/terms', policy)).toMatchObject({
      ok: false,
      refusal: 'not-granted',
    });
  });

  it('refuses non-public hosts from a public page even when granted', async () => {
    const policy = granted('http://169.254.169.254', 'http://10.0.0.5', 'http://localhost:8080');
    for (const url of ['http://169.254.169.254/latest', 'http://10.0.0.5/admin', 'http://localhost:8080/'])
      expect(await checkHop(url, policy)).toMatchObject({ ok: false, refusal: 'non-public' });
    expect(pageAllowsNonPublic('https://shop.example/checkout')).toBe(false);
    expect(pageAllowsNonPublic('http://127.0.0.1:5000/checkout')).toBe(true);
    expect(pageAllowsNonPublic('http://intranet/checkout')).toBe(true);
  });

  it('refuses other schemes, credentials in the URL and non-URLs', async () => {
    const policy = granted('https://shop.example');
    expect(await checkHop('file:///etc/passwd', policy)).toMatchObject({ ok: false, refusal: 'scheme' });
    expect(await checkHop('https://u:p@shop.example/', policy)).toMatchObject({
      ok: false,
      refusal: 'credentials',
    });
    expect(await checkHop('::', policy)).toMatchObject({ ok: false, refusal: 'bad-url' });
  });

  it('treats a failing grant lookup as not granted', async () => {
    const policy: HopPolicy = {
      allowNonPublic: false,
      isGranted: () => Promise.reject(new Error('storage')),
    };
    expect(await checkHop('https://shop.example/', policy)).toMatchObject({
      ok: false,
      refusal: 'not-granted',
    });
  });
});

describe('grants', () => {
  it('stores exact http(s) origins only', () => {
    expect(
      readGrants([
        'https://shop.example',
        'https://shop.example/',
        'https://Shop.example',
        'http://127.0.0.1:8080',
        'javascript:alert(1)',
        'https://u:p@x.example',
        42,
        null,
      ]),
    ).toEqual(['http://127.0.0.1:8080', 'https://shop.example']);
    expect(readGrants('https://shop.example')).toEqual([]);
    expect(addGrants(['https://a.example'], ['https://a.example', 'https://b.example:8443'])).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(
      removeGrantsCoveredBy(
        ['https://a.example', 'https://a.example:8443', 'http://a.example'],
        ['https://a.example/*'],
      ),
    ).toEqual(['http://a.example']);
  });

  it('needs both our record of the exact origin and the browser permission', async () => {
    const source = (list: string[], browserHas: boolean) => ({
      load: async () => list,
      contains: async () => browserHas,
    });
    // Chrome's content-script match makes the browser side answer "yes" for every host: not enough alone.
    expect(await isOriginGranted('http://127.0.0.1:5001', source(['http://127.0.0.1:5000'], true))).toBe(
      false,
    );
    expect(await isOriginGranted('http://127.0.0.1:5000', source(['http://127.0.0.1:5000'], true))).toBe(
      true,
    );
    // Revoked in the browser's settings since: no longer granted.
    expect(await isOriginGranted('http://127.0.0.1:5000', source(['http://127.0.0.1:5000'], false))).toBe(
      false,
    );
    expect(await isOriginGranted('http://127.0.0.1:5000/x', source(['http://127.0.0.1:5000'], true))).toBe(
      false,
    );
  });
});
