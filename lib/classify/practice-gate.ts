/**
 * Shapes of language that cannot state an ai-training practice, whatever the model scores (data/GUIDE.md §3:
 * ai-training is data from or about users used to train models). Applied after the rules and the model, so a
 * description that shares every word with a practice ("Training our models involves two stages") is not
 * painted because the words look right.
 * @module
 */

/**
 * A model, AI or learning system named anywhere in the unit or its lead-in. Without one, "training" is staff
 * training, a railway or a business service (guide §3: data used "for training" with no model named is staff
 * training). Broad on purpose: filters, detection, recognition, systems and tools count (guide §3 shapes).
 */
const MODEL_NAMED =
  /\b(?:models?|modell?ing|A\.?I|artificial|intelligen(?:t|ce)|machine|deep learning|ML|algorithm(?:s|ic)?|neural|LLMs?|GPT|generative|chat ?bots?|bots?|classifiers?|filters?|recogni[sz]\w*|detect\w*|learn\w*|assistants?|agents?|automat\w*|predict\w*|personali[sz]\w*|technolog(?:y|ies)|systems?|tools?|features?|engines?|dataset|corpus|tokens?|embeddings?|Gemini|Copilot|Grok|Llama|Claude|Alexa|Siri)\b|\btraining (?:data|materials?|process|sets?)\b|\btrain(?:s|ed|ing)? (?:\w+ )?(?:on|using|with|from)\b|\b(?:opt(?:s|ed|ing)?[- ]?out of|turn(?:s|ed|ing)? (?:off|on)|object(?:s|ed|ing)? to|not to|do not|don't|won't|never|not be|from)\b[^.]{0,40}\btrain/i;

/**
 * What the training could be trained on: the user or another person, or data of any kind. A sentence that
 * names models and training but neither data nor a person describes how models are made ("We then refine the
 * trained model so that it follows instructions") — no practice on anyone's data (guide §4.2 R11).
 */
const DATA_NAMED =
  /\b(?:you|your|yours|users?|customers?|members?|people|persons?|individuals?|consumers?|visitors?|players?|subscribers?|creators?|clients?|accounts?|personal|data|datasets?|information|content|inputs?|prompts?|conversations?|chats?|messages?|posts?|pins?|photos?|pictures?|images?|videos?|recordings?|voice|audio|speech|files?|documents?|feedback|ratings?|interactions?|activity|usage|submissions?|uploads?|queries|search(?:es)?|text|writing|typing|emails?|examples?|samples?|materials?|outputs?|responses?|reviews?|comments?|works?|artwork|art|code|public(?:ly)?|internet|web|sources?|suggestions?|their|everything|anything|what)\b/i;

/**
 * Units that take their data from elsewhere: a purpose fragment of a use-of-data list ("To develop and improve
 * our AI models"), a legal basis ("It is in our legitimate interests to train our models", guide §4.2 R10).
 * A list item's lead-in names the data (checked with the unit).
 */
const DATA_ELSEWHERE =
  /^\W*(?:to|so (?:that )?(?:we|it|they) can|in order to|for)\b|\b(?:legitimate interests?|legal bas[ie]s|lawful bas[ie]s|necessary for)\b/i;

/**
 * Liability, indemnity and warranty scope: training named only as the source of a claim the company answers
 * for or not ("… will have no obligation or liability with respect to any claim arising from … used to train").
 */
const LIABILITY_SCOPE =
  /\b(?:no (?:indemnity |indemnification |defen[cs]e )?obligations?(?: or liability)?|(?:indemnif\w+|defend)\b[^.]{0,120}\bclaims?|hold harmless|warranty (?:will|shall) not apply|obligations? under [^.]{0,60}\b(?:will|shall) not apply)\b/i;

/** True when the unit (with its lead-in) cannot state that anyone's data is used to train a model. */
export function statesNoTrainingPractice(text: string, leadIn?: string): boolean {
  const context = leadIn ? `${leadIn} ${text}` : text;
  if (!MODEL_NAMED.test(context)) return true;
  if (!DATA_NAMED.test(context) && !leadIn && !DATA_ELSEWHERE.test(text)) return true;
  return LIABILITY_SCOPE.test(text);
}
