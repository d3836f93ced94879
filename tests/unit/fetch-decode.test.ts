import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, looksBinary, metaCharset } from '@/lib/fetch/decode';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
/** A small policy page in the given bytes (team-written text). */
const PAGE = 'Café, naïve façade — “données” and €5 fees.';

function windows1252(s: string): Uint8Array {
  // Every character of PAGE is in windows-1252; the ones above 0x7f that are not Latin-1 map here.
  const extra: Record<string, number> = { '—': 0x97, '“': 0x93, '”': 0x94, '€': 0x80 };
  return Uint8Array.from(Array.from(s, (c) => extra[c] ?? c.charCodeAt(0)));
}

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const c of s) {
    const u = c.charCodeAt(0);
    out.push(...(endian === 'le' ? [u & 255, u >> 8] : [u >> 8, u & 255]));
  }
  return Uint8Array.from(out);
}

describe('decodeBytes: BOM → header → meta → UTF-8 → windows-1252', () => {
  it('reads Latin-1 bytes with no declared charset as windows-1252, as browsers do', () => {
    const latin1 = Uint8Array.from([...ascii('<p>Caf'), 0xe9, ...ascii(' na'), 0xef, ...ascii('ve</p>')]);
    expect(decodeBytes(latin1)).toEqual({
      text: '<p>Café naïve</p>',
      charset: 'windows-1252',
      source: 'fallback',
    });
    // The same bytes declared as ISO-8859-1 decode the same way: the label means windows-1252.
    expect(decodeBytes(latin1, 'text/html; charset=ISO-8859-1')).toMatchObject({
      text: '<p>Café naïve</p>',
      charset: 'windows-1252',
      source: 'header',
    });
  });

  it('reads Windows-1252 punctuation and the euro sign (0x80–0x9f) by header and by <meta>', () => {
    const bytes = windows1252(PAGE);
    expect(decodeBytes(bytes, 'text/html; charset=windows-1252').text).toBe(PAGE);
    const meta = Uint8Array.from([...ascii('<meta charset="windows-1252">'), ...bytes]);
    expect(decodeBytes(meta, 'text/html')).toMatchObject({
      text: `<meta charset="windows-1252">${PAGE}`,
      source: 'meta',
    });
    const httpEquiv = Uint8Array.from([
      ...ascii('<meta http-equiv="Content-Type" content="text/html; charset=cp1252">'),
      ...bytes,
    ]);
    expect(decodeBytes(httpEquiv).text.endsWith(PAGE)).toBe(true);
    // Undeclared: not valid UTF-8, so the windows-1252 fallback.
    expect(decodeBytes(bytes).text).toBe(PAGE);
  });

  it('maps all of 0x80–0x9f as the Encoding Standard’s windows-1252 index does, in Node too', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const index = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
      0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
      0x153, 0x9d, 0x17e, 0x178,
    ];
    expect(decodeBytes(bytes, 'text/plain; charset=latin1').text).toBe(String.fromCharCode(...index));
  });

  it('reads UTF-16 LE and BE by their BOM, whatever the header claims', () => {
    expect(decodeBytes(utf16(PAGE, 'le'))).toEqual({ text: PAGE, charset: 'utf-16le', source: 'bom' });
    expect(decodeBytes(utf16(PAGE, 'be'))).toEqual({ text: PAGE, charset: 'utf-16be', source: 'bom' });
    expect(decodeBytes(utf16(PAGE, 'le'), 'text/html; charset=iso-8859-1').text).toBe(PAGE);
    const utf8bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PAGE)]);
    expect(decodeBytes(utf8bom, 'text/html; charset=windows-1252')).toMatchObject({
      text: PAGE,
      source: 'bom',
    });
  });

  it('skips a declared charset it does not know, and a <meta> that claims UTF-16', () => {
    const utf8 = new TextEncoder().encode(PAGE);
    expect(decodeBytes(utf8, 'text/html; charset=x-no-such-charset')).toMatchObject({
      text: PAGE,
      source: 'utf-8',
    });
    const bogusMeta = Uint8Array.from([...ascii('<meta charset="bogus">'), ...utf8]);
    expect(decodeBytes(bogusMeta).text).toBe(`<meta charset="bogus">${PAGE}`);
    const utf16Meta = Uint8Array.from([...ascii('<meta charset="utf-16">'), ...utf8]);
    expect(decodeBytes(utf16Meta)).toMatchObject({
      text: `<meta charset="utf-16">${PAGE}`,
      charset: 'utf-8',
    });
  });

  it('lets the header win over a wrong <meta>, as browsers do', () => {
    const bytes = Uint8Array.from([...ascii('<meta charset="utf-8">'), ...windows1252(PAGE)]);
    expect(decodeBytes(bytes, 'text/html; charset=windows-1252').text).toBe(`<meta charset="utf-8">${PAGE}`);
    // A wrong header is obeyed too (the browser would show the same replacement characters the user saw).
    expect(decodeBytes(windows1252('é'), 'text/html; charset=utf-8').text).toBe('\uFFFD');
  });

  it('parses charset labels from Content-Type and <meta>', () => {
    expect(charsetFromContentType('text/html;charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(metaCharset(Uint8Array.from(ascii("<META CHARSET='Shift_JIS'>")))).toBe('shift_jis');
  });
});

describe('looksBinary', () => {
  it('flags NULs and control characters, but not UTF-16 text with a BOM', () => {
    expect(looksBinary(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toBe(true);
    expect(looksBinary(utf16(PAGE, 'le'))).toBe(false);
    expect(looksBinary(utf16(PAGE, 'le', false))).toBe(true);
    expect(looksBinary(new TextEncoder().encode(PAGE))).toBe(false);
  });
});
