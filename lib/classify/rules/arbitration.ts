import { alt, rx } from './build';
import type { RuleFamily } from './types';

/** Private arbitration, class-action and jury-trial waivers. */
export const arbitration: RuleFamily = {
  category: 'arbitration',
  cue: /arbitrat|class|jury/i,
  // "You may not bring a class action" is the waiver itself, i.e. the company's practice.
  userNegation: 'permits',
  patterns: [
    {
      id: 'arb.arbitration',
      pattern: rx('(?:binding |individual |mandatory )?arbitrat(?:ion|ors?|e|ed)'),
      strong: true,
    },
    {
      id: 'arb.class-waiver',
      pattern: rx(
        alt(
          'class[- ]actions?',
          'class,? (?:or )?representative',
          'jury trial',
          'trial by jury',
          'class arbitration',
        ),
      ),
      strong: true,
    },
  ],
};
