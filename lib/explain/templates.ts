/**
 * The one table of plain-language explanations: one sentence per category × stance, each naming the slots it
 * reports (data, purpose, safeguard, choice, default, scope, plus the condition of a denial and the notice
 * before a change). The words live in `public/_locales/<lang>/messages.json`, keyed per (category, stance) and
 * per slot, so every UI language has them and a reworded English sentence changes only its `en` entry; this
 * table keeps what the code needs: which key, which tails, in which order.
 *
 * Keys: `explain_<category>_<stance>` (the sentence; substitutions `[data, choice, safeguards]`, each used as
 * `$DATA$`, `$CHOICE$`, `$SAFEGUARDS$`), `explain_<category>_noun` (fills `$DATA$` when the clause names no
 * data), `explain_slot_<tail>` (a tail, one substitution), `explain_shape_<shape>`.
 * @module
 */
import type { CategoryId, Stance } from '../classify/taxonomy';
import type { MessageKey } from '../i18n';

/** A tail sentence a template may add when its slot is filled. */
export type Tail =
  'purpose' | 'default' | 'choice' | 'safeguard' | 'scope' | 'covered' | 'children' | 'condition' | 'notice';

export interface StanceTemplate {
  key: MessageKey;
  /** Tails in the order they are added. */
  tails: readonly Tail[];
}

export interface Template {
  /** Fills `$DATA$` when the clause names no data type. */
  noun: MessageKey;
  sentences: Record<Stance, StanceTemplate>;
}

const snake = (s: string) => s.replace(/-/g, '_');

/** The sentence key of a category × stance. */
export function sentenceKey(category: CategoryId, stance: Stance): MessageKey {
  return `explain_${snake(category)}_${snake(stance)}` as MessageKey;
}

function template(category: CategoryId, tails: Partial<Record<Stance, readonly Tail[]>>): Template {
  const s = (stance: Stance): StanceTemplate => ({
    key: sentenceKey(category, stance),
    tails: tails[stance] ?? [],
  });
  return {
    noun: `explain_${snake(category)}_noun` as MessageKey,
    sentences: {
      permits: s('permits'),
      denies: s('denies'),
      'user-prohibited': s('user-prohibited'),
      unclear: s('unclear'),
    },
  };
}

export const TEMPLATES: Readonly<Record<CategoryId, Template>> = {
  'ai-training': template('ai-training', {
    permits: ['default', 'choice', 'safeguard', 'scope'],
    denies: ['condition', 'covered'],
    unclear: ['default', 'choice', 'scope'],
  }),
  'automated-decisions': template('automated-decisions', {
    permits: ['purpose', 'choice'],
    unclear: ['choice'],
  }),
  'data-sharing': template('data-sharing', {
    permits: ['purpose', 'choice', 'safeguard'],
    denies: ['condition', 'children'],
    unclear: ['choice'],
  }),
  'data-sale': template('data-sale', {
    permits: ['choice'],
    denies: ['condition', 'children'],
    unclear: ['choice'],
  }),
  'targeted-advertising': template('targeted-advertising', {
    permits: ['default', 'choice'],
    denies: ['condition', 'children'],
    unclear: ['choice'],
  }),
  'data-retention': template('data-retention', {}),
  'international-transfer': template('international-transfer', {
    permits: ['safeguard'],
    unclear: ['safeguard'],
  }),
  'de-identification': template('de-identification', { permits: ['purpose'] }),
  'user-choice': template('user-choice', {}),
  'content-license': template('content-license', { permits: ['purpose', 'scope'] }),
  arbitration: template('arbitration', { permits: ['choice'], unclear: ['choice'] }),
  'unilateral-change': template('unilateral-change', { permits: ['notice'], unclear: ['notice'] }),
};

/**
 * Sentences for clause shapes that the category × stance table would misread: a definition that keeps
 * de-identified data out of "personal information" is not a statement that data is (not) de-identified.
 */
export const SHAPE_KEYS = {
  /** A user-choice clause that names rights but no particular control (`$DATA$`). */
  rightsWithoutControl: 'explain_shape_rights_without_control',
  /** The same, where the clause names no data, consent or privacy: a right, not said to be over data. */
  rightWithoutData: 'explain_shape_right_without_data',
  deidentifiedExcluded: 'explain_shape_deidentified_excluded',
  /** The company's own marketing messages, with no ads or tracking in the clause (`$DATA$`). */
  directMarketing: 'explain_shape_direct_marketing',
  directMarketingDenied: 'explain_shape_direct_marketing_denied',
  /** Fills `$DATA$` of those two when the clause names no data. */
  directMarketingNoun: 'explain_shape_direct_marketing_noun',
  /** Fills `$DATA$` when the clause speaks only of information that does not identify the user. */
  nonIdentifyingNoun: 'explain_shape_nonidentifying_noun',
  /** Data shown to the service's other users or the public, with no company named as recipient (`$DATA$`). */
  shownToOtherUsers: 'explain_shape_shown_to_other_users',
  /** Ads measured, not targeted: no targeting in the clause (`$DATA$`). */
  adMeasurement: 'explain_shape_ad_measurement',
  /** Data collected around their ads or marketing, no targeting in the clause (`$DATA$`). */
  adCollection: 'explain_shape_ad_collection',
  /** Some disputes kept in court (`$WHAT$`: one of the four below). */
  arbitrationCarveOut: 'explain_shape_arbitration_carve_out',
  /** The exception after the arbitration sentence, when the clause states both (`$WHAT$`). */
  arbitrationExcept: 'explain_shape_arbitration_except',
  arbitrationSmallClaims: 'explain_shape_arbitration_small_claims',
  arbitrationInjunction: 'explain_shape_arbitration_injunction',
  arbitrationIp: 'explain_shape_arbitration_ip',
  arbitrationSome: 'explain_shape_arbitration_some',
  /** A jury or class-action waiver that says nothing of arbitration. */
  juryWaiver: 'explain_shape_jury_waiver',
  classWaiver: 'explain_shape_class_waiver',
  /** Arbitration the user may choose, not one imposed. */
  arbitrationOptional: 'explain_shape_arbitration_optional',
  /** Data used aggregated or individually, as it comes (`$DATA$`): aggregation is not promised. */
  optionalAggregation: 'explain_shape_optional_aggregation',
  /** Copies kept by others the company does not control: not the company's own retention. */
  othersRetain: 'explain_shape_others_retain',
  /** What happens when the user rejects a change: a right of the user's, not a change made on their own. */
  changeRejected: 'explain_shape_change_rejected',
  /** A licence granted to the service's other users, not the company (`$DATA$`). */
  licenceToOtherUsers: 'explain_shape_licence_to_other_users',
  /** A right to opt out of a sale (`$DATA$`), which says nothing of whether they sell. */
  saleOptOutRight: 'explain_shape_sale_opt_out_right',
  /** Ownership of the user's content passing to the company (`$DATA$`): more than a licence. */
  ownershipPasses: 'explain_shape_ownership_passes',
  /** A right to cancel a purchase or withdraw from a contract: a right over the contract, not over data. */
  cancellationRight: 'explain_shape_cancellation_right',
  /** The user may stop using the service: a right over the contract, not over data. */
  stopUsing: 'explain_shape_stop_using',
  /** Marketing with no channel and no ads or tracking named (`$DATA$`): no "messages, e-mails or post". */
  marketingUse: 'explain_shape_marketing_use',
  /** Their marketing fitted to the user's interests, no ads in the clause (`$DATA$`). */
  tailoredMarketing: 'explain_shape_tailored_marketing',
} as const satisfies Record<string, MessageKey>;

/** Tail sentences that add the slots (one substitution each). */
export const SLOT_KEYS = {
  defaultOn: 'explain_slot_default_on',
  defaultOff: 'explain_slot_default_off',
  choice: 'explain_slot_choice',
  scope: 'explain_slot_scope',
  covered: 'explain_slot_covered',
  safeguards: 'explain_slot_safeguards',
  purposes: 'explain_slot_purposes',
  condition: 'explain_slot_condition',
  notice: 'explain_slot_notice',
  /** Only when the clause says the notice comes before the change ("30 days' notice", "in advance"). */
  noticeBefore: 'explain_slot_notice_before',
} as const satisfies Record<string, MessageKey>;
