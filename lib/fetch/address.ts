/**
 * Is a host on the public internet, or somewhere a web page must never make Fineprint fetch from: the user's own
 * machine, their local network, a cloud instance's metadata service? Read from the hostname as `URL` serialises
 * it (IPv4 in dotted form whatever way it was written, IPv6 in brackets, names lower-cased), without DNS.
 *
 * Limit: a public name whose DNS answer is a private address (DNS rebinding) is not caught here; extensions
 * have no portable DNS API. That is why every fetch also needs the user's grant for its exact origin.
 * @module
 */

export type HostClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'local-name' | 'reserved';

/** Names of cloud metadata services (AWS, GCP, Azure, Alibaba, OpenStack reach theirs at 169.254.169.254). */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** Suffixes reserved for names that only resolve inside a machine or a local network. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home.arpa'];

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

function classifyIpv4([a, b, c, d]: number[]): HostClass {
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'metadata';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  // 100.64/10 (carrier-grade NAT), 0/8 ("this network"), 192.0.0/24, 198.18/15 (benchmarking),
  // multicast and the reserved 240/4 including broadcast: none is a web server a page may point us at.
  if (a === 100 && b! >= 64 && b! <= 127) return 'private';
  if (a === 0 || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19)))
    return 'reserved';
  if (a! >= 224) return 'reserved';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (brackets stripped), or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  // A dotted IPv4 tail ("::ffff:127.0.0.1") becomes its two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4(dotted[1]!);
    if (!v4) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, dotted.index)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...tail].some(Number.isNaN)) return null;
  const known = head.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...tail];
}

function classifyIpv6(g: number[]): HostClass {
  const embeddedV4 = () => [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255];
  if (g.every((x) => x === 0)) return 'reserved'; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback'; // ::1
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return classifyIpv4(embeddedV4());
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return classifyIpv4(embeddedV4());
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254)
    return 'metadata'; // AWS's IPv6 metadata address
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0]! & 0xff00) === 0xff00) return 'reserved'; // multicast
  return 'public';
}

/** What kind of place `hostname` (as `new URL(...).hostname` gives it) points to. */
export function hostClass(hostname: string): HostClass {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || host.includes(':')) {
    const groups = ipv6Groups(host.replace(/^\[|\]$/g, ''));
    return groups ? classifyIpv6(groups) : 'reserved';
  }
  const v4 = ipv4(host);
  if (v4) return classifyIpv4(v4);
  if (METADATA_NAMES.has(host)) return 'metadata';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  // A single label ("intranet", "router") is completed by the network's search domain: a local machine.
  if (!host.includes('.')) return 'local-name';
  if (LOCAL_SUFFIXES.some((s) => host.endsWith(`.${s}`))) return 'local-name';
  return 'public';
}

/** True when `hostname` is anything but a public internet host. */
export function isNonPublicHost(hostname: string): boolean {
  return hostClass(hostname) !== 'public';
}
