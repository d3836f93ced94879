/**
 * The one table of plain-language sentences: one per category × stance, each naming the slots it reports
 * (data, purpose, safeguard, choice, default, scope, plus the condition of a denial and the notice before a
 * change). `{data}` is filled from the clause's data slot (or the category's noun), `{purposes}` and
 * `{safeguards}` from theirs, `{choice}` from the user's choice. English only: the CLI and the popup
 * fallback use it.
 * @module
 */
import type { CategoryId, Stance } from '../classify/taxonomy';

/** A tail sentence a template may add when its slot is filled. */
export type Tail =
  'purpose' | 'default' | 'choice' | 'safeguard' | 'scope' | 'covered' | 'condition' | 'notice';

export interface StanceTemplate {
  text: string;
  /** Tails in the order they are added. */
  tails: readonly Tail[];
}

export interface Template {
  /** Noun used for `{data}` when the clause names no data type. */
  noun: string;
  sentences: Record<Stance, StanceTemplate>;
}

const t = (text: string, ...tails: Tail[]): StanceTemplate => ({ text, tails });

export const TEMPLATES: Readonly<Record<CategoryId, Template>> = {
  'ai-training': {
    noun: 'your content or data',
    sentences: {
      permits: t(
        'This says {data} may be used to train AI models.',
        'default',
        'choice',
        'safeguard',
        'scope',
      ),
      denies: t('This says they do NOT use {data} to train AI models.', 'condition', 'covered'),
      'user-prohibited': t('You are not allowed to use this service or its content to train AI models.'),
      unclear: t(
        'This mentions using {data} for AI training, but hedges or adds conditions; read it closely.',
        'default',
        'choice',
        'scope',
      ),
    },
  },
  'automated-decisions': {
    noun: 'your data',
    sentences: {
      permits: t(
        'This says decisions about you may be made by automated systems or profiling.',
        'purpose',
        'choice',
      ),
      denies: t('This says they do NOT make significant decisions about you by automated means alone.'),
      'user-prohibited': t(
        'You are not allowed to use bots, scrapers or other automated means on this service.',
      ),
      unclear: t(
        'This mentions automated decisions or profiling, with conditions; read it closely.',
        'choice',
      ),
    },
  },
  'data-sharing': {
    noun: 'your data',
    sentences: {
      permits: t(
        'This says {data} may be shared with other companies or organisations.',
        'purpose',
        'choice',
        'safeguard',
      ),
      denies: t('This says they do NOT share {data} with others in the case described.', 'condition'),
      'user-prohibited': t('You are not allowed to share certain information from this service.'),
      unclear: t('This describes sharing {data}, but only in some cases or with conditions.', 'choice'),
    },
  },
  'data-sale': {
    noun: 'your personal data',
    sentences: {
      permits: t('This says {data} may be sold, rented or exchanged for something of value.', 'choice'),
      denies: t('This says they do NOT sell, rent or trade {data}.', 'condition'),
      'user-prohibited': t('You are not allowed to sell or resell data or content from this service.'),
      unclear: t(
        'This talks about selling {data} in hedged terms (e.g. "as traditionally understood"); it may still be shared for value.',
        'choice',
      ),
    },
  },
  'targeted-advertising': {
    noun: 'your activity',
    sentences: {
      permits: t('This says {data} may be used to target ads at you.', 'default', 'choice'),
      denies: t('This says they do NOT use {data} to target ads at you.', 'condition'),
      'user-prohibited': t('You are not allowed to use this service for certain kinds of advertising.'),
      unclear: t('This mentions targeted advertising with conditions; read it closely.', 'choice'),
    },
  },
  'data-retention': {
    noun: 'your data',
    sentences: {
      permits: t('This says how long they keep {data}.'),
      denies: t('This says they do NOT keep {data} in the case described.'),
      'user-prohibited': t('You are not allowed to keep or store certain data from this service.'),
      unclear: t('This says they keep {data}, but the period is vague or conditional.'),
    },
  },
  'international-transfer': {
    noun: 'your data',
    sentences: {
      permits: t('This says {data} may be stored or processed in other countries.', 'safeguard'),
      denies: t('This says {data} stays in your region and is NOT transferred abroad.'),
      'user-prohibited': t('You are not allowed to export data or content from this service across borders.'),
      unclear: t('This mentions transferring {data} abroad, with conditions.', 'safeguard'),
    },
  },
  'de-identification': {
    noun: 'data',
    sentences: {
      permits: t('This says {data} is {safeguards} before some uses.', 'purpose'),
      denies: t('This says {data} is NOT de-identified for the use described.'),
      'user-prohibited': t('You are not allowed to try to re-identify people from data on this service.'),
      unclear: t('This says {data} is partly de-identified; the protection may be limited.'),
    },
  },
  'user-choice': {
    noun: 'your data',
    sentences: {
      permits: t('This says you can {choice}.'),
      denies: t('This says you CANNOT opt out of or control this.'),
      'user-prohibited': t('You are not allowed to change this.'),
      unclear: t('This says you can {choice}, but with limits or conditions.'),
    },
  },
  'content-license': {
    noun: 'what you post or upload',
    sentences: {
      permits: t('You give them a licence to use {data}.', 'purpose', 'scope'),
      denies: t('This says they do NOT claim ownership of {data}.'),
      'user-prohibited': t('You are not allowed to license or reuse content from this service.'),
      unclear: t('This mentions a licence to {data}, with conditions.'),
    },
  },
  arbitration: {
    noun: 'disputes',
    sentences: {
      permits: t(
        'Disputes go to private arbitration; you may be giving up court or class actions.',
        'choice',
      ),
      denies: t('This says arbitration does NOT apply in the case described.'),
      'user-prohibited': t('You are not allowed to take part in class actions or jury trials against them.'),
      unclear: t('This describes arbitration with exceptions or opt-outs; read it closely.', 'choice'),
    },
  },
  'unilateral-change': {
    noun: 'these terms',
    sentences: {
      permits: t('They can change these terms or this policy on their own.', 'notice'),
      denies: t('This says they will NOT change these terms without your agreement.'),
      'user-prohibited': t('You are not allowed to change or modify the service.'),
      unclear: t('This describes changing the terms, with conditions such as notice.', 'notice'),
    },
  },
};

/**
 * Sentences for clause shapes that the category × stance table would misread: a definition that keeps
 * de-identified data out of "personal information" is not a statement that data is (not) de-identified.
 */
export const SHAPE_SENTENCES = {
  /** A user-choice clause that names rights but no particular control. */
  rightsWithoutControl:
    'This describes rights or choices you may have over {data}; it does not name a specific control.',
  deidentifiedExcluded:
    'This says de-identified or aggregated data does not count as personal information here, so the protections in this policy may not apply to it.',
} as const;

/** Tail sentences that add the slots; kept here so all English text is in one table. */
export const SLOT_SENTENCES = {
  defaultOn: "It's on by default.",
  defaultOff: "It's off unless you opt in.",
  choice: 'You can {choice}.',
  scope: 'Not applied to {scope}.',
  covered: 'This covers {scope}.',
  safeguards: 'They say the data is {safeguards}.',
  purposes: 'Purpose: {purposes}.',
  condition: 'This applies once you {condition}.',
  notice: 'They say they will tell you before changes take effect.',
} as const;
