/**
 * Statements the data guide keeps out of ai-training whatever the model scores (data/GUIDE.md §4.2): the
 * model reads "train", "model" and "data" in them and scores them as training on the user's data, which on
 * services outside our labels was the largest share of ai-training marks that were wrong (issue 22).
 * @module
 */
import { DEFINITIONS } from './ai-training';

/**
 * Guide R9: training sources that are not user data — licensed, purchased, open or synthetic datasets and
 * corpora, the company's own. Named by a collection word (dataset, corpus), not "data from third parties",
 * which may well be data about the user from a broker.
 */
const NON_USER_DATASET =
  /\b(?:licen[cs]e[ds]?|purchased|acquired|third[- ]party|publishers?'?|open(?:[- ]source)?|synthetic|proprietary|curated|commercially available)\b[^.;:]{0,40}?\b(?:datasets?|data ?sets?|corpora|corpus)\b|\b(?:datasets?|data ?sets?|corpora|corpus) (?:that )?(?:we|it) (?:license|licenses|purchase|purchases|create|creates|generate|generates)\b/i;
/**
 * Anything that names people's data or material anyone made available: then R9's "not user data" does not hold
 * (publicly available information that may include personal data is user data).
 */
const PEOPLES_DATA =
  /\b(?:you|your|users?'?|personal|customers?'?|members?'?|subscribers?'?|individuals?'?|people'?s?|children'?s?|employees'?)\b|\bpublic(?:ly)?(?: available)? (?:information|posts?|content|profiles?|web ?pages?|internet|sources)\b|\b(?:scraped|crawled|collected from the (?:web|internet))\b|\b(?:openly|publicly) available\b/i;

export function isNonUserDatasetOnly(text: string): boolean {
  return NON_USER_DATASET.test(text) && !PEOPLES_DATA.test(text);
}

/** Guide R7: a definition that states no practice. */
export function isDefinitionOnly(text: string): boolean {
  return DEFINITIONS.some((re) => re.test(text));
}

/**
 * Guide §3 "does not count": AI used as the means of a feature, safety or moderation ("Acme uses artificial
 * intelligence and machine learning technologies in its safety tools to enforce its rules and to improve
 * search"), the user's data an input only. The model reads "artificial intelligence", "machine learning" and
 * "improve" together and scores a training.
 */
const AI_AS_MEANS =
  /\b(?:we|it|[A-Z][\w&.-]*) (?:also |may |can )*uses? (?:artificial intelligence|AI|machine[- ]learning)(?: (?:and|or) (?:artificial intelligence|AI|machine[- ]learning))?(?: (?:technolog(?:y|ies)|tools?|systems?))? (?:in|to|for|when)\b/;
/** What would make it a training after all: a model trained, learning, or a model or AI developed or improved. */
const TRAINING_NAMED =
  /\b(?:train|re-?train|fine-?tun|learn(?:s|ed|ing)? from|teach)|\b(?:develop|improv|build|refin|enhanc)\w*\b[^.;]{0,40}?\b(?:models?|algorithms?|AI|artificial intelligence|machine[- ]learning|classifiers?|systems?|tools?|technolog(?:y|ies))\b/i;

export function isAiAsMeansOnly(text: string): boolean {
  return AI_AS_MEANS.test(text) && !TRAINING_NAMED.test(text);
}

/** Whether the guide rules ai-training out of a clause with this text. */
export function aiTrainingGatedOut(text: string): boolean {
  return isDefinitionOnly(text) || isNonUserDatasetOnly(text) || isAiAsMeansOnly(text);
}
