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

/** Verbs of list trading: renting, exchanging, swapping, leasing a list is selling it for value. */
const TRADE_LIST = alt(
  SELL,
  'exchang(?:e|es|ed|ing)',
  'swap(?:s|ped|ping)?',
  'leas(?:e|es|ed|ing)',
  'lend(?:s|ing)?',
  'lent',
  'barter(?:s|ed|ing)?',
  'mak(?:e|es|ing) (?:(?:it|them|this|these|such)\\s+)?available',
  'made available',
);
/** Mailing and contact lists, and the names and addresses that make them. */
const LISTS = alt(
  '(?:mailing|contact|subscriber|subscription|customer|member|membership|e-?mail|postal|direct mail) lists?',
  "(?:subscribers'?|customers'?|members'?|readers'?) (?:names|(?:postal |mailing |e-?mail )?addresses|details)",
  '(?:postal|mailing|home|e-?mail) address(?:es)?',
  'names?,? (?:and|&) (?:postal |mailing |e-?mail )?address(?:es)?',
);

/** Sale of personal data (including the US "sell / share for cross-context advertising" sense). */
export const dataSale: RuleFamily = {
  category: 'data-sale',
  cue: /sell|sold|rent|trad|moneti|sale|consideration|exchang|swap|leas|lend|lent|barter|list|address/i,
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
    // A newspaper's "we may rent or exchange our subscribers' postal addresses with carefully selected
    // organisations", or "make our mailing list available to other companies": list trading is a sale (and
    // "we never rent, sell or exchange your address" a denial of one).
    { id: 'sale.trade-list', pattern: rx(near(TRADE_LIST, LISTS, 8)), strong: true },
    {
      id: 'sale.list-made-available',
      pattern: rx(`mak(?:e|es|ing)\\s+(?:[\\w']+\\s+){0,3}?${LISTS}\\s+(?:[\\w']+\\s+){0,2}?available`),
      strong: true,
    },
    {
      id: 'sale.list-traded',
      pattern: rx(near(LISTS, alt('sold', 'rented', 'exchanged', 'swapped', 'leased', 'lent', 'traded'), 6)),
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
