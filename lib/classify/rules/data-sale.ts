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
    // consumer's personal information' (an opt-out right presupposes the sale: `permits`, data guide §3).
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

/**
 * Recipients that receive data without buying it: the company's own group and those who work for it. Handing
 * data to them is sharing, never a sale (data guide §3 data-sale, settled 2026-12-07), so "we do not sell or
 * share your data except with our affiliates and service providers" still denies the sale. "Partners" are
 * left out on purpose: sales are made to partners.
 */
const NON_SALE_RECIPIENT = String.raw`(?:(?:our|its|their|the|[A-Z][\w&.-]*|trusted|selected|authori[sz]ed|third[- ]party)\s+){0,3}(?:affiliat(?:es|ed (?:companies|entities))|subsidiar(?:y|ies)|parent compan(?:y|ies)|(?:corporate |company )?group(?: companies)?|service providers?|(?:data )?processors?|vendors?|contractors?|agents?|suppliers?|(?:companies|businesses|organi[sz]ations|entities|third parties) (?:that|who|which) (?:\w+ ){0,3}?(?:on our behalf|for us|help us))`;
const SALE_DENIED =
  /\b(?:(?:do|does|will|would|shall)\s+not|don't|doesn't|won't|never)\s+(?:\w+\s+){0,2}?(?:sell|rent|trade)\b/i;
const NON_SALE_EXCEPTION = new RegExp(
  String.raw`\b(?:except|other than|apart from|with the exception of|besides)\s+(?:(?:to|with|for)\s+)?${NON_SALE_RECIPIENT}(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)(?:(?:to|with)\s+)?${NON_SALE_RECIPIENT})*\s*(?:[.;)]|$|,?\s+(?:who|that|which|as|for|acting|in order|to (?:help|provide|perform|process|operate)))`,
);

/**
 * A sale denial whose only exception names recipients that do not buy data (see NON_SALE_RECIPIENT): the
 * exception is about sharing, so the sale stays denied. Any other exception (partners, advertisers, "as
 * described") is left to the general exception rules (guide R4).
 */
export function saleDeniedButForNonSaleRecipients(text: string): boolean {
  const denial = SALE_DENIED.exec(text);
  if (!denial) return false;
  const rest = text.slice(denial.index).split(/;|\.\s/)[0]!;
  return NON_SALE_EXCEPTION.test(rest);
}
