import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const DOC = alt(
  'terms',
  'agreement',
  'policy',
  'privacy (?:policy|notice|statement)',
  'notice',
  'conditions',
  'terms of (?:service|use)',
  'statement',
);

/** The company may change the terms or policy on its own (service changes are weak cues only). */
export const unilateralChange: RuleFamily = {
  category: 'unilateral-change',
  cue: /chang|modif|amend|updat|revis|replac|reserve|at any time|discontinu|suspend/i,
  userNegation: 'user-prohibited',
  patterns: [
    {
      id: 'change.modify-terms',
      pattern: rx(
        near(
          alt(
            'chang(?:e|es|ed)',
            'modif(?:y|ies|ied|ications?)',
            'amend(?:s|ed|ments?)?',
            'updat(?:e|es|ed)',
            'revis(?:e|es|ed|ions?)',
            'replace',
          ),
          `(?:these|this|the|our) ${DOC}`,
          6,
        ),
      ),
      strong: true,
    },
    // "reserves the right to modify these Terms"; not "…to suspend any payment" (data guide §3: the terms or
    // policy, not the service).
    {
      id: 'change.reserve-right',
      pattern: rx(
        near(
          near(
            'reserves? the right',
            alt('chang\\w+', 'modif\\w+', 'amend\\w*', 'updat\\w+', 'revis\\w+'),
            4,
          ),
          `(?:these|this|the|our|its|any) ${DOC}`,
          6,
        ),
      ),
      strong: true,
    },
    {
      id: 'change.at-any-time',
      pattern: rx(
        'at any time,? (?:and )?(?:without (?:prior )?notice|for any reason|in (?:our|its) sole discretion)',
      ),
      strong: false,
    },
    {
      id: 'change.service',
      pattern: rx(
        near(
          alt('discontinue', 'suspend', 'modify', 'change'),
          alt('(?:the |our |any )?services?', 'features?', 'functionalit(?:y|ies)', 'prices', 'fees'),
          4,
        ),
      ),
      strong: false,
    },
  ],
};
