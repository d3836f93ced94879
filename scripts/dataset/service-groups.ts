/**
 * Service groups: every name under which one service (or one company's products that share policy text) appears
 * in the corpus and the label files, mapped to one group. Splits (final test, cross-validation folds) are made
 * by group, so a text shared by aliases can never sit on both sides of a split.
 *
 * The table was built from the corpus manifest's notes (identical texts stored once, renamed services) and a
 * measurement of shared sentences between services (`scripts/label/alias-check.ts` lists the pairs of groups
 * that still share many sentences). Two unrelated companies that share boilerplate (ad-industry, cookie or
 * template text) stay separate groups.
 * @module
 */

/** Group name → every service name (as in corpus folders or label records) that belongs to it. */
export const SERVICE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // Renamed services and spelling variants.
  'X (Twitter)': ['X', 'Twitter'],
  Proton: ['Proton Mail', 'ProtonMail', 'ProtonVPN'],
  'TP-Link': ['Tp-link_2'],
  Hygraph: ['GraphCMS'],
  Wikimedia: ['Wikimedia Foundation', 'Wikipedia'],
  // One company's products sharing policy text (measured: tens to thousands of identical sentences).
  Google: [
    'AdMob',
    'AdSense',
    'Blogger',
    'Gmail',
    'YouTube',
    'Youtube Kids',
    'Waze',
    'Stadia',
    'Local Guides',
    'Reserve with Google',
    'Chrome and Chrome OS',
    'Play',
    'Glass',
    'Optimize',
    'GooglePayments',
    'sites.google.com',
  ],
  Meta: [
    'Facebook',
    'Instagram',
    'WhatsApp',
    'Threads',
    'Meta AI',
    'Llama API',
    'CrowdTangle',
    'Oculus',
    'instagram.com',
  ],
  Amazon: ['Alexa', 'IMDb', 'Goodreads', 'amazon.com', 'imdb.com'],
  Apple: ['App Store', 'iCloud'],
  Microsoft: ['Skype'],
  Mozilla: ['Firefox', 'Thunderbird', 'MDN Plus'],
  'Match Group': ['Match', 'Tinder', 'OkCupid'],
  Bumble: ['Badoo'],
  'The Meet Group': ['Tagged', 'hi5'],
  'XVideos / XNXX': ['XVideos', 'XNXX'],
  Hearst: ['Hearst.com', 'Womans Day'],
  Bolt: ['Bolt Drivers'],
  Wolfram: ['WolframAlpha'],
  Tencent: ['WeChat', 'WeChat Open Platform'],
  Xfinity: ['Xfinity Residential Services'],
  Blizzard: ['Blizzard Entertainment', 'WorldOfWarcraft'],
  Sony: ['PlayStation Network', 'sony.com', 'playstation.com'],
  IKEA: ['Ikea', 'IKEA Family'],
  Automattic: ['WordPress.com', 'Tumblr'],
  'WordPress.org': ['WordPress Foundation'],
  Coinbase: ['Base'],
  Yahoo: ['news.yahoo.com'],
  Reddit: ['reddit.com'],
};

/** Name prefixes that always mean the company's own product ("Google Maps", "Amazon Music", "Firefox Monitor"). */
const PREFIXES: readonly [string, string][] = [
  ['Google ', 'Google'],
  ['Amazon ', 'Amazon'],
  ['Apple ', 'Apple'],
  ['Facebook ', 'Meta'],
  ['Firefox ', 'Mozilla'],
];

const BY_NAME = new Map<string, string>();
for (const [group, names] of Object.entries(SERVICE_ALIASES)) {
  BY_NAME.set(group.toLowerCase(), group);
  for (const n of names) BY_NAME.set(n.toLowerCase(), group);
}

/** The group a service name belongs to; a service with no alias is its own group. Case-insensitive. */
export function serviceGroup(service: string): string {
  const name = service.trim();
  const hit = BY_NAME.get(name.toLowerCase());
  if (hit) return hit;
  for (const [prefix, group] of PREFIXES)
    if (name.toLowerCase().startsWith(prefix.toLowerCase())) return group;
  return name;
}
