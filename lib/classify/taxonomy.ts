/**
 * The one source of truth for clause categories and stances. UI, CLI, classifier and tests read from here.
 * @module
 */

export const CATEGORY_IDS = [
  'ai-training',
  'automated-decisions',
  'data-sharing',
  'data-sale',
  'targeted-advertising',
  'data-retention',
  'international-transfer',
  'de-identification',
  'user-choice',
  'content-license',
  'arbitration',
  'unilateral-change',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/**
 * `permits`: the company does or may do it. `denies`: it says it does not. `user-prohibited`: the terms forbid
 * the user from doing it (e.g. scraping content to train AI). `unclear`: hedged or conditional.
 */
export const STANCES = ['permits', 'denies', 'user-prohibited', 'unclear'] as const;
export type Stance = (typeof STANCES)[number];

export interface CategoryInfo {
  id: CategoryId;
  /** Short English name; UI text goes through _locales keyed by `cat_<id with _>`. */
  name: string;
  /** What a `permits` clause of this kind means for the user, in one plain sentence. */
  meaning: string;
  /** Highlight colour (used with a pattern, never alone). */
  colour: string;
  /** Underline style so categories differ without colour. */
  pattern: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
  /** 3 = most users care strongly (AI training, sale), 1 = informational. Orders summaries and notifications. */
  weight: 1 | 2 | 3;
}

export const TAXONOMY: Readonly<Record<CategoryId, CategoryInfo>> = {
  'ai-training': {
    id: 'ai-training',
    name: 'AI training',
    meaning: 'Your content or data may be used to train or improve AI / machine-learning models.',
    colour: '#d6336c',
    pattern: 'wavy',
    weight: 3,
  },
  'automated-decisions': {
    id: 'automated-decisions',
    name: 'Automated decisions',
    meaning: 'Decisions about you may be made by automated means or profiling.',
    colour: '#ae3ec9',
    pattern: 'double',
    weight: 2,
  },
  'data-sharing': {
    id: 'data-sharing',
    name: 'Data sharing',
    meaning: 'Your data may be shared with or disclosed to other companies.',
    colour: '#f76707',
    pattern: 'solid',
    weight: 2,
  },
  'data-sale': {
    id: 'data-sale',
    name: 'Sale of data',
    meaning: 'Your personal data may be sold or exchanged for value.',
    colour: '#e03131',
    pattern: 'double',
    weight: 3,
  },
  'targeted-advertising': {
    id: 'targeted-advertising',
    name: 'Ads & marketing',
    meaning: 'Your data may be used for advertising or marketing aimed at you, possibly across sites.',
    colour: '#f59f00',
    pattern: 'dashed',
    weight: 2,
  },
  'data-retention': {
    id: 'data-retention',
    name: 'Retention',
    meaning: 'How long your data is kept, including after you delete your account.',
    colour: '#1c7ed6',
    pattern: 'dotted',
    weight: 1,
  },
  'international-transfer': {
    id: 'international-transfer',
    name: 'International transfer',
    meaning: 'Your data may be stored or processed in other countries.',
    colour: '#1098ad',
    pattern: 'dashed',
    weight: 1,
  },
  'de-identification': {
    id: 'de-identification',
    name: 'De-identification',
    meaning: 'Data is said to be anonymised, aggregated or de-identified before some use.',
    colour: '#37b24d',
    pattern: 'dotted',
    weight: 1,
  },
  'user-choice': {
    id: 'user-choice',
    name: 'Your choices',
    meaning: 'A setting, opt-out or right you can use to control this.',
    colour: '#2f9e44',
    pattern: 'solid',
    weight: 2,
  },
  'content-license': {
    id: 'content-license',
    name: 'Licence to your content',
    meaning: 'You grant the company a licence to use what you post or upload.',
    colour: '#7048e8',
    pattern: 'solid',
    weight: 2,
  },
  arbitration: {
    id: 'arbitration',
    name: 'Arbitration',
    meaning: 'Disputes go to private arbitration; you may waive court or class actions.',
    colour: '#495057',
    pattern: 'double',
    weight: 2,
  },
  'unilateral-change': {
    id: 'unilateral-change',
    name: 'Changes without consent',
    meaning: 'The company may change these terms, sometimes without asking you again.',
    colour: '#868e96',
    pattern: 'dashed',
    weight: 1,
  },
};

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && (STANCES as readonly string[]).includes(value);
}
