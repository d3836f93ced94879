/**
 * The one table of plain-language sentences, keyed by category × stance. `{data}` is filled from the
 * clause's data slot (or the category's default noun). English only: the CLI and the popup fallback use it.
 * @module
 */
import type { CategoryId, Stance } from '../classify/taxonomy';

export interface Template {
  /** Noun used for `{data}` when the clause names no data type. */
  noun: string;
  sentences: Record<Stance, string>;
}

export const TEMPLATES: Readonly<Record<CategoryId, Template>> = {
  'ai-training': {
    noun: 'your content or data',
    sentences: {
      permits: 'This says {data} may be used to train AI models.',
      denies: 'This says they do NOT use {data} to train AI models.',
      'user-prohibited': 'You are not allowed to use this service or its content to train AI models.',
      unclear: 'This mentions using {data} for AI training, but hedges or adds conditions; read it closely.',
    },
  },
  'automated-decisions': {
    noun: 'your data',
    sentences: {
      permits: 'This says decisions about you may be made automatically or by profiling {data}.',
      denies: 'This says they do NOT make significant decisions about you by automated means alone.',
      'user-prohibited': 'You are not allowed to use automated means (bots, scrapers) on this service.',
      unclear: 'This mentions automated decisions or profiling, with conditions; read it closely.',
    },
  },
  'data-sharing': {
    noun: 'your data',
    sentences: {
      permits: 'This says {data} may be shared with other companies or organisations.',
      denies: 'This says they do NOT share {data} with others.',
      'user-prohibited': 'You are not allowed to share certain information from this service.',
      unclear: 'This describes sharing {data}, but only in some cases or with conditions.',
    },
  },
  'data-sale': {
    noun: 'your personal data',
    sentences: {
      permits: 'This says {data} may be sold or exchanged for something of value.',
      denies: 'This says they do NOT sell {data}.',
      'user-prohibited': 'You are not allowed to sell or resell data or content from this service.',
      unclear:
        'This talks about selling {data} in hedged terms (e.g. "as traditionally understood"); it may still be shared for value.',
    },
  },
  'targeted-advertising': {
    noun: 'your activity',
    sentences: {
      permits: 'This says {data} may be used to target ads at you.',
      denies: 'This says they do NOT use {data} to target ads at you.',
      'user-prohibited': 'You are not allowed to use this service for certain kinds of advertising.',
      unclear: 'This mentions targeted advertising with conditions; read it closely.',
    },
  },
  'data-retention': {
    noun: 'your data',
    sentences: {
      permits: 'This says how long they keep {data}.',
      denies: 'This says they do NOT keep {data} in the case described.',
      'user-prohibited': 'You are not allowed to keep or store certain data from this service.',
      unclear: 'This says they keep {data}, but the period is vague or conditional.',
    },
  },
  'international-transfer': {
    noun: 'your data',
    sentences: {
      permits: 'This says {data} may be stored or processed in other countries.',
      denies: 'This says {data} stays in your region and is NOT transferred abroad.',
      'user-prohibited': 'You are not allowed to export data or content from this service across borders.',
      unclear: 'This mentions transferring {data} abroad, with conditions.',
    },
  },
  'de-identification': {
    noun: 'data',
    sentences: {
      permits: 'This says {data} is anonymised, aggregated or de-identified before some uses.',
      denies: 'This says {data} is NOT de-identified for the use described.',
      'user-prohibited': 'You are not allowed to try to re-identify people from data on this service.',
      unclear: 'This says {data} is partly de-identified; the protection may be limited.',
    },
  },
  'user-choice': {
    noun: 'your data',
    sentences: {
      permits: 'This describes a choice you have over {data}.',
      denies: 'This says you CANNOT opt out or control this.',
      'user-prohibited': 'You are not allowed to change this.',
      unclear: 'This describes a choice over {data}, but with limits or conditions.',
    },
  },
  'content-license': {
    noun: 'what you post or upload',
    sentences: {
      permits: 'You give them a licence to use {data}.',
      denies: 'This says they do NOT claim rights to {data}.',
      'user-prohibited': 'You are not allowed to license or reuse content from this service.',
      unclear: 'This mentions a licence to {data}, with conditions.',
    },
  },
  arbitration: {
    noun: 'disputes',
    sentences: {
      permits: 'Disputes go to private arbitration; you may be giving up court or class actions.',
      denies: 'This says arbitration does NOT apply in the case described.',
      'user-prohibited': 'You are not allowed to take part in class actions or jury trials against them.',
      unclear: 'This describes arbitration with exceptions or opt-outs; read it closely.',
    },
  },
  'unilateral-change': {
    noun: 'these terms',
    sentences: {
      permits: 'They can change these terms or the service on their own.',
      denies: 'This says they will NOT change these terms without your agreement.',
      'user-prohibited': 'You are not allowed to change or modify the service.',
      unclear: 'This describes changing the terms, with conditions such as notice.',
    },
  },
};

/** Tail sentences that add the slots; kept here so all English text is in one table. */
export const SLOT_SENTENCES = {
  defaultOn: "It's on by default",
  defaultOff: "It's off unless you opt in",
  choice: 'you can {choice}',
  scope: 'Not applied to {scope}.',
  safeguards: 'They say the data is {safeguards}.',
} as const;
