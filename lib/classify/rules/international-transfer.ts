import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const ELSEWHERE = alt(
  'outside (?:of )?(?:the |your )?(?:EEA|European|EU|UK|United Kingdom|Switzerland|country|countr(?:y|ies)|jurisdiction|region)',
  '(?:to|in) (?:other |different |third )countries',
  'countries other than',
  '(?:in|to) the (?:United States|U\\.S\\.|US)',
  'internationally',
  'across (?:national )?borders',
  'other jurisdictions',
  'third countries',
);

/** Storage or processing outside the user's jurisdiction, and transfer mechanisms. */
export const internationalTransfer: RuleFamily = {
  category: 'international-transfer',
  cue: /outside|countr|international|border|jurisdiction|united states|\bu\.?s\b|contractual|adequacy|framework|shield|binding corporate|cross-border/i,
  userNegation: 'user-prohibited',
  patterns: [
    {
      id: 'xfer.elsewhere',
      pattern: rx(
        near(
          alt(
            'transfer(?:s|red|ring)?',
            'stor(?:e|ed|es)',
            'process(?:ed|es)?',
            'host(?:ed)?',
            'located',
            'servers?',
            'sent',
          ),
          ELSEWHERE,
          12,
        ),
      ),
      strong: true,
    },
    {
      id: 'xfer.mechanism',
      pattern: rx(
        alt(
          'standard contractual clauses',
          'adequacy decisions?',
          'Data Privacy Framework',
          'Privacy Shield',
          'binding corporate rules',
        ),
      ),
      strong: true,
    },
    {
      id: 'xfer.international',
      pattern: rx('(?:international|cross-border) (?:data )?transfers?'),
      strong: true,
    },
  ],
};
