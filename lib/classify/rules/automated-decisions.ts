import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Automated decision-making and profiling with significant effects. */
export const automatedDecisions: RuleFamily = {
  category: 'automated-decisions',
  cue: /automat|profil/i,
  userNegation: 'user-prohibited',
  namedIsUnclear: true,
  patterns: [
    {
      id: 'adm.automated-decision',
      pattern: rx('automated (?:individual )?decision(?:s|-making| making)?'),
      strong: true,
    },
    {
      id: 'adm.solely-automated',
      pattern: rx('solely on automated (?:processing|means|decision)'),
      strong: true,
    },
    {
      id: 'adm.profiling-effects',
      pattern: rx(near('profiling', alt('legal', 'similarly significant'), 14)),
      strong: true,
    },
    { id: 'adm.profiling', pattern: rx('profil(?:ing|e you)'), strong: false },
    {
      id: 'adm.automated-means',
      pattern: rx(
        near(
          'automated (?:means|systems?|processing|tools|technolog(?:y|ies))',
          alt(
            'decid\\w*',
            'determin\\w*',
            'assess\\w*',
            'approv\\w*',
            'reject\\w*',
            'block\\w*',
            'suspend\\w*',
            'terminat\\w*',
          ),
          10,
        ),
      ),
      strong: false,
    },
  ],
};
