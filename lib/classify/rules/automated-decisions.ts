import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Automated decision-making and profiling with significant effects. */
export const automatedDecisions: RuleFamily = {
  category: 'automated-decisions',
  cue: /automat|profil|algorithm|machine|\bai\b|artificial|infer|predict/i,
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
    // Weak cues the model weighs: automated systems, review or moderation acting on the user's content or
    // account; AI / algorithms that detect, block or predict; inferences about the user.
    {
      id: 'adm.automated-systems',
      pattern: rx(
        alt(
          'automat(?:ed|ic)(?: (?:and|or) (?:manual|human))? (?:systems?|processing|review|moderation|measures|scanning|detection|price)',
          'automatically (?:block|process|detect|remov|suspend|flag|blur|determin|assess)\\w*',
        ),
      ),
      strong: false,
    },
    {
      id: 'adm.ai-detect',
      pattern: rx(
        near(
          alt('AI', 'machine[- ]learning', 'algorithms?', 'artificial intelligence'),
          alt(
            'detect\\w*',
            'identif\\w*',
            'block\\w*',
            'determin\\w*',
            'predict\\w*',
            'remov\\w*',
            'flag\\w*',
            'recommend\\w*',
          ),
          8,
        ),
      ),
      strong: false,
    },
    {
      id: 'adm.infer',
      pattern: rx('(?:infer|predict)(?:s|red|ring|ed|ing)? (?:your|the user|users|whether|if you)'),
      strong: false,
    },
  ],
};
