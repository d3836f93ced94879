/**
 * AI wording: which units the dataset treats as "AI-worded" (data/GUIDE.md §5). Two lists:
 * - {@link AI_WORDING}: the unit's own words name AI, a model, machine learning, training, an algorithm… This
 *   defines an AI-worded hard negative in the dataset statistics.
 * - {@link POOL_WORDING}: broader, for choosing what annotators read (the candidate pool): AI wording plus
 *   "improve / develop our services, technology, models…" and named AI products. Recall of the pool matters
 *   more than its precision; a match here is never a label.
 * @module
 */

/** The unit's own words are about AI, models, training or algorithms. */
export const AI_WORDING =
  /\b(?:A\.?I\.?|AI-\w+|artificial[- ]intelligence|machine[- ]learn\w*|deep[- ]learn\w*|models?|LLMs?|GenAI|generative|algorithm\w*|neural|(?:pre-?|re-?)?train(?:s|ed|ing|er|ers)?|fine-?tun\w*|chatbots?)\b/i;

/** Named AI products and wording that points at training without the words above. */
const PRODUCTS =
  /\b(?:Gemini|Bard|Copilot|Grok|Llama|Meta AI|ChatGPT|GPT-?\d\w*|Claude|Sora|DALL-?E|Midjourney|Alexa\+?|Siri|text and data mining|data mining|learn(?:s|ed|t|ing)? from)\b/i;

/** "improve / develop / enhance … our services, products, technology, models, systems, features". */
const IMPROVE =
  /\b(?:improv(?:e|es|ed|ing|ements?)|develop(?:s|ed|ing|ment)?|enhanc(?:e|es|ed|ing)|refin(?:e|es|ed|ing)|research)\b[^.;:]{0,60}?\b(?:our|the|its|their|new|existing|future)\s+(?:[\w-]+\s+){0,3}?(?:services?|products?|technolog(?:y|ies)|models?|systems?|features?|algorithms?|tools?|offerings?)\b/i;

/** Whether a unit's own text is AI-worded (the statistics' sense). */
export function isAiWorded(text: string): boolean {
  return AI_WORDING.test(text);
}

/** Whether a unit's own text belongs in the candidate pool (broad). */
export function matchesPoolWording(text: string): boolean {
  return AI_WORDING.test(text) || PRODUCTS.test(text) || IMPROVE.test(text);
}

export const POOL_WORDING = { ai: AI_WORDING, products: PRODUCTS, improve: IMPROVE } as const;
