import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Data said to be anonymised, aggregated or de-identified before some use. */
export const deIdentification: RuleFamily = {
  category: 'de-identification',
  cue: /identif|anonym|pseudonym|aggregat|disassociat|remov/i,
  userNegation: 'user-prohibited',
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
      pattern: rx(near('aggregat(?:e|ed)', alt('data', 'information', 'statistics', 'form', 'basis'), 4)),
      strong: true,
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
