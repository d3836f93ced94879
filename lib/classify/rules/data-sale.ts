import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const SELL = alt(
  'sell',
  'sells',
  'selling',
  'rent',
  'rents',
  'renting',
  'trade',
  'trades',
  'trading',
  'monetiz(?:e|es|ing)',
);

/** Sale of personal data (including the US "sell / share for cross-context advertising" sense). */
export const dataSale: RuleFamily = {
  category: 'data-sale',
  cue: /sell|sold|rent|trad|moneti|sale|consideration/i,
  userNegation: 'user-prohibited',
  namedIsUnclear: true,
  // The "Do Not Sell My Personal Information" link names a choice, it does not state a practice.
  vetoes: [/\bdo not sell (?:or share )?my\b/i],
  patterns: [
    {
      id: 'sale.sell-data',
      pattern: rx(
        near(SELL, alt('(?:personal )?(?:data|information)', 'details', 'email addresses', 'lists?'), 6),
      ),
      strong: true,
    },
    {
      id: 'sale.data-sold',
      pattern: rx(near(alt('data', 'information'), alt('sold', 'rented', 'traded'), 6)),
      strong: true,
    },
    {
      id: 'sale.sale-of',
      pattern: rx("sal(?:e|es) of (?:your |their |users' |customers' )?(?:personal )?(?:data|information)"),
      strong: true,
    },
    // The US-law terms, often quoted and paired with "sharing": 'opt out of the "sale" or "sharing" of the
    // consumer's personal information' (named in a right: `unclear`, data guide §3).
    {
      id: 'sale.quoted-sale-of',
      pattern: rx(
        `sal(?:e|es)"?(?:/sharing| or "?shar(?:e|ing)"?)? of (?:the |your )?(?:[\\w']+ ){0,2}?(?:personal )?(?:data|information)`,
      ),
      strong: false,
    },
    { id: 'sale.consideration', pattern: rx('(?:monetary|valuable) consideration'), strong: false },
  ],
};
