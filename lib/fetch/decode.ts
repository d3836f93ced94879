/**
 * Bytes → text, the one decoder for every page Fineprint reads as bytes (checkout links, re-checks, the CLI's
 * files and URLs). It picks the charset in the order a browser does, so a policy read here decodes to the same
 * text the user's browser showed: a re-check that decoded differently would announce a change that never
 * happened.
 *
 * Order: byte-order mark → Content-Type `charset` → `<meta>` charset in the first 4 KiB → strict UTF-8 →
 * windows-1252 (which never fails). Labels are resolved by `TextDecoder` as the Encoding Standard defines them,
 * so `latin1` / `iso-8859-1` / `ascii` all mean windows-1252, as in browsers.
 * @module
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'utf-8' | 'fallback';

export interface Decoded {
  text: string;
  /** The encoding's canonical name (`TextDecoder.encoding`): `utf-8`, `windows-1252`, `utf-16le`, … */
  charset: string;
  /** Where the charset came from. */
  source: CharsetSource;
}

/** How far into the bytes a `<meta>` charset is looked for (browsers' prescan reads about this much). */
export const META_PRESCAN_BYTES = 4096;
const BINARY_SAMPLE = 8192;

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset label in a Content-Type value (`text/html; charset=ISO-8859-1`), lower-cased; null if none. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The charset a `<meta charset>` or `<meta http-equiv content="…charset=…">` declares near the start. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // not a label the Encoding Standard knows
  }
}

// windows-1252's bytes 0x80–0x9f (the five it leaves undefined stay as they are).
const W1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * `decoder.decode(bytes)`, with windows-1252 made right where the runtime gets it wrong: Node 20.20's
 * TextDecoder decodes "windows-1252" (and every label meaning it, such as latin1) as ISO-8859-1, so
 * 0x80–0x9f come out as C1 controls instead of € ‚ “ ” – — …; browsers decode them correctly, and the CLI
 * must read a page the way the user's browser showed it.
 */
function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => W1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Decodes `bytes` as a browser would pick the charset (see the module comment). Never throws. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(bytes);
  // A BOM wins over any declaration; TextDecoder drops it from the text.
  if (bom) return { text: decodeWith(new TextDecoder(bom), bytes), charset: bom, source: 'bom' };
  const header = charsetFromContentType(contentType);
  const fromHeader = header ? decoderFor(header) : null;
  if (fromHeader)
    return { text: decodeWith(fromHeader, bytes), charset: fromHeader.encoding, source: 'header' };
  const meta = metaCharset(bytes);
  let fromMeta = meta ? decoderFor(meta) : null;
  // The HTML prescan rules: a meta cannot claim UTF-16 (its own bytes were just read as ASCII), and
  // x-user-defined means windows-1252.
  if (fromMeta?.encoding.startsWith('utf-16')) fromMeta = new TextDecoder('utf-8');
  if (fromMeta?.encoding === 'x-user-defined') fromMeta = new TextDecoder('windows-1252');
  if (fromMeta) return { text: decodeWith(fromMeta, bytes), charset: fromMeta.encoding, source: 'meta' };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      charset: 'utf-8',
      source: 'utf-8',
    };
  } catch {
    return {
      text: decodeWith(new TextDecoder('windows-1252'), bytes),
      charset: 'windows-1252',
      source: 'fallback',
    };
  }
}

/**
 * True when the bytes look like binary data rather than text: any NUL byte, or more than 10 % C0 control
 * characters, in the first 8 KiB. Text with a UTF-16 byte-order mark is text (it is full of NULs).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomCharset(bytes)) return false;
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > 0.1;
}
