import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

/** Automated decision-making and profiling with significant effects. */
export const automatedDecisions: RuleFamily = {
  category: 'automated-decisions',
  cue: /automat|profil|algorithm|machine|\bai\b|artificial|infer|predict|decision|detect|classifier|human|scor|moderat/i,
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
    // "We do not use AI for decisions that produce legal or similarly significant effects" (data guide §3).
    {
      id: 'adm.significant-effects',
      pattern: rx(near('decisions?', alt('legal', 'similarly significant'), 8)),
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
    // The verb first: "identifying and removing illicit content through AI algorithms".
    {
      id: 'adm.detect-by-ai',
      pattern: rx(
        near(
          alt(
            'detect\\w*',
            'identif\\w*',
            'block\\w*',
            'remov\\w*',
            'flag\\w*',
            'moderat\\w*',
            'filter\\w*',
            'scan\\w*',
          ),
          alt(
            'automated (?:means|tools|systems?|processes|technolog(?:y|ies))',
            'AI',
            'algorithms?',
            'machine[- ]learning',
            'classifiers?',
            'artificial intelligence',
          ),
          6,
        ),
      ),
      strong: false,
    },
    // Automated review beside human review ("automated or manual (human) review", "review can be automated").
    {
      id: 'adm.automated-or-human',
      pattern: rx(
        alt(
          'automat(?:ed|ic)(?:ally)? (?:or|and|and/or) (?:manual|human)',
          '(?:manual|human) (?:or|and|and/or) automat(?:ed|ic)',
          'review (?:can|may|will) be automated',
        ),
      ),
      strong: false,
    },
    // Enforcement that follows detection ("when we detect spam … we may disable your account").
    {
      id: 'adm.detect-then-act',
      pattern: rx(
        near(
          'detect\\w*',
          alt(
            'disabl\\w*',
            'suspend\\w*',
            'terminat\\w*',
            'remov\\w*',
            'block\\w*',
            'ban(?:s|ned)?',
            'restrict\\w*',
            'take (?:other )?(?:appropriate )?action',
          ),
          20,
        ),
      ),
      strong: false,
    },
    // The safeguards of an automated decision state that one is made: human intervention, contesting the
    // decision, a human review of a result (training-service CV: 17 of 18 clauses, 12 service groups).
    {
      id: 'adm.human-review',
      pattern: rx(
        alt(
          'human intervention',
          'contest (?:the|a|this|such|any) (?:automated )?decisions?',
          '(?:request|obtain|ensure|opportunity for|right to) (?:a )?human review',
          // The right itself in the match: "right to request a review" before the phrase would read as only
          // naming the practice (stance "named"), but a right to have a decision reviewed presupposes one.
          'right to (?:request|obtain|ask for) (?:a )?(?:human )?(?:review|intervention|appeal)',
          '(?:reviewed|checked|made) by a human(?: reviewer)?',
          'human grader',
          '(?:review|appeal) of (?:these|the|such) (?:results|decisions)',
        ),
      ),
      strong: false,
    },
    // A score about the user that decides something: fraud or trust scores, scoring methods for credit risk
    // (5 of 5 clauses, 5 groups; bare "score" is game scores and high scores).
    {
      id: 'adm.scoring',
      pattern: rx(
        alt(
          '(?:fraud|risk|trust|credit|confidence)[- ](?:risk[- ])?scor(?:e|es|ing)',
          'scoring (?:methods|models|systems)',
        ),
      ),
      strong: false,
    },
    // Moderation that AI does or shares with people ("AI-driven and manual moderation", "AI is used to help
    // moderate"): adm.automated-systems covers "automated moderation" only.
    {
      id: 'adm.ai-moderation',
      pattern: rx(
        alt(
          '(?:AI|machine[- ]learning|algorithmic)(?:[- ](?:driven|powered|based|assisted))? (?:(?:and|or|and/or) (?:manual|human) )?(?:content )?moderation',
          '(?:AI|algorithms?|machine learning) (?:is|are) used to (?:help )?(?:moderate|detect|review)',
        ),
      ),
      strong: false,
    },
    // Decisions about the user named as such ("decisions affecting you", "tools that render decisions").
    {
      id: 'adm.decisions-about-you',
      pattern: rx(
        alt(
          'decisions? (?:about|affecting|concerning|regarding) (?:you|users|individuals|consumers)',
          'render\\w* decisions',
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
