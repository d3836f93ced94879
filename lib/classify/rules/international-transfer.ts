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
  cue: /outside|countr|international|border|jurisdiction|united states|\bu\.?s\b|contractual|adequacy|framework|shield|binding corporate|cross-border|transfer|\bdpf\b|\bsccs?\b|infrastructure|data cent/i,
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
    // Recipients elsewhere: "parties established outside the EEA", "service providers located in the United
    // States" (training-service CV: 20/20 of such clauses are labelled international-transfer).
    {
      id: 'xfer.recipient-elsewhere',
      pattern: rx(
        near(
          alt(
            'establish\\w*',
            'provid\\w*',
            'disclos\\w*',
            'access\\w*',
            'located',
            'compan(?:y|ies)',
            'parties',
            'affiliates?',
          ),
          ELSEWHERE,
          6,
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
    // Weak cues the model weighs: a transfer of data without a destination, the DPF / SCC acronyms,
    // "these countries", global infrastructure.
    {
      id: 'xfer.transfer-data',
      pattern: rx(
        alt(
          `transfer(?:s|red|ring)? (?:of )?(?:your |the |such |this |any )?(?:personal )?(?:data|information)`,
          '(?:data|information) transfers?',
          '(?:such|aforesaid|these|this) transfers?',
        ),
      ),
      strong: false,
    },
    {
      id: 'xfer.acronym',
      pattern: rx(alt('DPF', 'SCCs?', 'EU-U\\.?S\\.?')),
      strong: false,
    },
    {
      id: 'xfer.countries',
      pattern: rx(
        alt(
          '(?:these|those|such|which) countries',
          'countries (?:to which|where|in which)',
          'global (?:infrastructure|data cent(?:er|re)s)',
        ),
      ),
      strong: false,
    },
    {
      id: 'xfer.international',
      pattern: rx('(?:international|cross-border) (?:data )?transfers?'),
      strong: true,
    },
  ],
};
