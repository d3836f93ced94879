import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Data said to be anonymised, aggregated or de-identified before some use. */
export const deIdentification: RuleFamily = {
  category: 'de-identification',
  cue: /identif|anonym|pseudonym|aggregat|disassociat|remov/i,
  userNegation: 'user-prohibited',
  // Data "aggregated about you" (your visits, your activity) is combined into a profile of the person, not made
  // anonymous (guide §3 de-identification), unless the sentence also speaks of identifying or anonymity.
  vetoes: [
    /^(?![^]*(?:identif|anonym|pseudonym))[^]*\baggregated? (?:data|information) about (?:you|your)\b/i,
  ],
  patterns: [
    {
      id: 'deid.anonymise',
      pattern: rx(
        alt(
          'de-?identif(?:y|ied|ies|ying|ication)',
          'anonymi[sz](?:e|ed|es|ing|ation)',
          'pseudonymi[sz](?:e|ed|es|ing|ation)',
        ),
      ),
      strong: true,
    },
    {
      id: 'deid.aggregate',
      pattern: rx(
        near(
          'aggregat(?:e|ed|ion)',
          alt(
            'data',
            'information',
            'statistics',
            'form',
            'basis',
            'reports?',
            'reporting',
            'insights',
            'analytics',
            'metrics',
            'terms',
          ),
          4,
        ),
      ),
      strong: true,
    },
    // "…in a form that does not identify you", "reports that don't reveal information about individuals".
    // The match stops before the negation (a lookahead), which states the safeguard rather than denying it.
    {
      id: 'deid.not-identifying',
      pattern: rx(
        `${alt('form', 'way', 'manner', 'reports?', 'information', 'data', 'statistics', 'it')},? (?:that|which|so that it)(?=\\s+(?:(?:does|do|will|can)\\s*(?:not|n't)|no longer|cannot)\\s+(?:personally\\s+)?(?:identif|reveal)\\w*\\b[^.;]{0,40}?\\b(?:you|individuals?|persons?|people|users?)\\b)`,
      ),
      strong: false,
    },
    // Any other aggregation of user data (weak: the model decides); not an "aggregate liability" or fee.
    {
      id: 'deid.aggregate-weak',
      pattern: rx('aggregat(?:e|ed|es|ing|ion)\\b(?! (?:liability|fees?|amounts?|price))'),
      strong: false,
    },
    {
      id: 'deid.disassociate',
      pattern: rx(
        alt(
          'disassociat\\w+',
          near(
            'remov\\w+',
            alt('identifiers', 'identifying information', 'personal (?:data|information)'),
            4,
          ),
        ),
      ),
      strong: false,
    },
    { id: 'deid.anonymous', pattern: rx('anonymous(?:ly)?'), strong: false },
  ],
};
