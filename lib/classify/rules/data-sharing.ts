import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const SHARE = alt(
  'shar(?:e|es|ed|ing)',
  'disclos(?:e|es|ed|ing|ure)',
  'transfer(?:s|red|ring)?',
  'provid(?:e|es|ed|ing)',
  'mak(?:e|es|ing) (?:it )?available',
  'made available',
  'pass(?:es|ed)? (?:it )?on',
);
const RECIPIENT = alt(
  'third[- ]part(?:y|ies)',
  '(?:business |marketing |advertising |trusted )?partners?',
  'affiliates?',
  'subsidiar(?:y|ies)',
  'service providers?',
  'vendors?',
  'processors?',
  'advertisers?',
  'law enforcement',
  'government(?:al)? (?:authorities|agencies|bodies)',
  'authorities',
  '(?:other |group |affiliated )companies',
  'parent company',
  'contractors?',
  'buyers?',
  'acquirers?',
  'successors?',
);

/** Subjects that are not the company ("you share", "partners share … with us"). */
const NOT_COMPANY =
  '(?!(?:you|i|they|users?|members?|people|friends|partners?|advertisers?|others?|analytics|websites?|apps?|not|which|that)\\b)';

/** Sharing with, or collection by, parties other than the first party. */
export const dataSharing: RuleFamily = {
  category: 'data-sharing',
  cue: /partner|third|parties|affiliat|subsidiar|provider|vendor|processor|advertiser|enforcement|government|authorit|compan|contractor|buyer|acquir|successor|merger|acquisition|bankrupt|sale of|share|shar|disclos|transfer|pass on|available|owner|assets|developer|researcher|others|operator|administrator|controller|behalf/i,
  userNegation: 'user-prohibited',
  patterns: [
    {
      id: 'share.with-recipient',
      pattern: rx(near(SHARE, near(alt('with', 'to'), RECIPIENT, 4), 12)),
      strong: true,
    },
    {
      id: 'share.recipient-receives',
      pattern: rx(near(RECIPIENT, alt('(?:may )?collect', 'receive', 'access'), 6)),
      strong: false,
    },
    {
      id: 'share.business-transfer',
      pattern: rx(
        alt(
          'merger',
          'acquisition',
          'bankruptcy',
          'sale of (?:all or (?:a portion|part|substantially all) of )?(?:our|its) (?:assets|business)',
        ),
      ),
      strong: false,
    },
    // Sharing stated without naming the recipient ("we may disclose your personal information to others").
    // The subject is the company (or a verb list it heads: "collect, use and share"), not the user ("you
    // share your content") or a partner sharing with us; `rx` is case-insensitive, so a capital cannot mark
    // a name.
    // Moving data to another country is international-transfer, not disclosure, so no bare "transfer".
    {
      id: 'share.we-share',
      pattern: rx(
        `(?:we|${NOT_COMPANY}[A-Z][\\w.]+) (?:(?:may|might|will|can|could|also|only|then|generally)\\s+)*${alt('share', 'shares', 'disclose', 'discloses', 'pass on')}\\b[^.;]{0,40}?\\b(?:information|data|it|them|content|details|results)\\b(?!\\s+with us\\b)`,
      ),
      strong: false,
    },
    // Recipients acting on the data ("these parties will access, process, or store Personal Data"; "our
    // partners may also process it": partners and "also" / "then" added; training-service CV: 26 of 27).
    {
      id: 'share.recipient-acts',
      pattern: rx(
        `${alt('(?:third[- ])?parties', 'providers?', 'vendors?', 'processors?', 'affiliates?', 'administrators?', 'companies', 'partners?')} (?:(?:will|may|might|can|could|also|only|then) )*?(?:will|may|might|can|could|also|then) (?:also |only )?${alt('access', 'process', 'store', 'use', 'receive', 'see', 'keep', 'host', 'analy[sz]e')}`,
      ),
      strong: false,
    },
    // Business transfers: "user information may be among the transferred assets", "give the new owner".
    {
      id: 'share.transaction-assets',
      pattern: rx(alt('transferred assets', 'part of (?:that|the|such|a) transaction', 'new owner')),
      strong: false,
    },
    // "We work with selected partners / service providers / other group companies" (training-service CV: 5/5).
    {
      id: 'share.work-with',
      pattern: rx(
        `work(?:s|ing)? (?:closely )?with (?:(?:other|selected|trusted|third[- ]party|a|our) )*${alt('(?:Meta )?compan(?:y|ies)', 'service providers?', 'partners?', 'vendors?', 'third[- ]part(?:y|ies)', 'providers?')}`,
      ),
      strong: false,
    },
    // A change of ownership: "if we sell, buy, merge or are acquired by another company" (10/10).
    {
      id: 'share.ownership-change',
      pattern: rx(
        alt(
          'change (?:in|of) (?:our )?ownership',
          `${alt('sell', 'buy', 'merge', 'acquired by')}\\b[^.;]{0,40}\\b${alt('compan(?:y|ies)', 'assets')}`,
        ),
      ),
      strong: false,
    },
    {
      id: 'share.how-shared',
      pattern: rx(
        alt(
          '(?:ways|cases|how|when) (?:we|your information|information|data) (?:can |may |is |are )?(?:be )?shared',
          'data shared',
          'shared publicly',
          'publicly disclose',
          'make (?:it |them |your content |your information )?(?:publicly )?available to (?:the world|others|the public)',
          // A licence that lets the company pass content on: "make Your Content available to other companies".
          'make\\b[^.;]{0,40}\\bavailable (?:to|for)\\b[^.;]{0,60}\\b(?:other (?:companies|organi[sz]ations|users|members)|the rest of the world|syndication)',
        ),
      ),
      strong: false,
    },
    {
      id: 'share.others-learn',
      pattern: rx(
        `${alt('advertisers?', 'partners?', 'third[- ]part(?:y|ies)', 'developers?', 'researchers?', 'others', 'website operators?', 'administrators?')} (?:may |might |can |could |automatically )*${alt('learn', 'receive', 'receives', 'access', 'see', 'obtain', 'get')}\\b`,
      ),
      strong: false,
    },
    // Sending data to a recipient: "the text is sent to the AI provider", "we transmit your query to our
    // partner" (training-service CV: 25 of 30 clauses, 12 groups).
    {
      id: 'share.send-to',
      pattern: rx(
        `${alt('send', 'sends', 'sent', 'transmit\\w*', 'forward\\w*', 'pass(?:es|ed)?', 'upload\\w*')} (?:[\\w'-]+ ){0,6}?to (?:(?:the|our|a|an|its|their|these|such|relevant|other|certain|selected) )?(?:[\\w-]+ ){0,2}?${alt('providers?', 'partners?', 'third[- ]part(?:y|ies)', 'vendors?', 'processors?', 'affiliates?', 'developers?', 'authorities', 'advertisers?')}`,
      ),
      strong: false,
    },
    // Controllers beside the company: a joint or independent controller receives the data (15 of 21, 9 groups).
    {
      id: 'share.other-controller',
      pattern: rx('(?:joint|independent|separate|sole) controllers?'),
      strong: false,
    },
    // Someone processing for the company: "providers who act on our behalf" (36 of 44, 21 groups).
    { id: 'share.on-behalf', pattern: rx("on (?:our|its|[\\w-]+'s) behalf"), strong: false },
    // The company and others doing it together: "we and our partners use cookies to collect…" (22 of 31,
    // 13 groups), or the company letting others do it: "we allow third parties to…" (10 of 13, 9 groups).
    {
      id: 'share.we-and-partners',
      pattern: rx(
        `(?:we|us),? and (?:our|certain|select|third[- ]party|its) (?:[\\w-]+ ){0,2}?${alt('partners', 'affiliates', 'vendors', 'advertisers', 'providers', 'third parties')}`,
      ),
      strong: false,
    },
    {
      id: 'share.let-others',
      pattern: rx(
        `${alt('permit', 'allow', 'let', 'enable', 'engage', 'authori[sz]e')}s? (?:certain |some |selected |other )?${alt('third[- ]part(?:y|ies)', 'partners', 'advertisers', 'vendors', 'providers', 'companies')}`,
      ),
      strong: false,
    },
  ],
  // A list item under "We share your information with:" / "We may disclose data in the following
  // circumstances:" states the sharing its lead-in announces (data guide §2: read with the lead-in).
  leadInPatterns: [
    {
      id: 'share.lead-in',
      // Not `rx`: the lead-in ends with the colon, where a trailing \b cannot match.
      pattern: new RegExp(
        `\\b(?:we|our|${NOT_COMPANY}[A-Z][\\w.]+) (?:(?:may|might|will|can|could|also|only|generally|then)\\s+)*${alt('share', 'shares', 'disclose', 'discloses')}\\b[^.]*:\\s*$`,
        'i',
      ),
      strong: false,
    },
    // "In the following cases, personal data may also be transferred to third parties:"
    {
      id: 'share.lead-in-passive',
      pattern:
        /\b(?:transferred|provided|made available|passed on|disclosed|shared) to (?:third parties|the following|these|other)[^.]*:\s*$/i,
      strong: false,
    },
  ],
};
