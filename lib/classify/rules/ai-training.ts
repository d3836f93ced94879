import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const TRAIN = alt(
  'train(?:s|ed|ing)?',
  're-?train(?:s|ed|ing)?',
  'pre-?train(?:s|ed|ing)?',
  'fine-?tun(?:e|es|ed|ing)',
);
/**
 * TRAIN as an act of training: not a participle before its noun ("the trained model", "your fine-tuned
 * models" name a model, guide §3 settled 2026-12-08) and not "training data" named as a thing ("training data
 * models" still trains).
 */
const TRAIN_ACT = `(?!(?<=\\b(?:a|an|the|your|their|its|our|any|such|these|those|this|that)\\s)(?:(?:re-?|pre-?)?trained|fine-?tuned)\\b)${TRAIN}(?!\\s+(?:data(?:sets?)?|datasets?|sets?|corpus|corpora)\\b(?!\\s+models?\\b))`;
const MODEL = alt(
  'artificial intelligence',
  'A\\.?I',
  'machine[- ]learning',
  'ML',
  'models?',
  'LLMs?',
  'algorithms?',
  'neural networks?',
  'classifiers?',
  'Gemini',
  'Copilot',
  'Grok',
  'Llama',
  // Chatbots are models trained on what they are asked ("train the bots to answer questions").
  '(?:chat ?)?bots?',
  // Guide §3: filters, detection and safety systems count as models when trained on users' data.
  '(?:spam |abuse |junk |content |safety |fraud |detection |recognition )?filters?',
  // Not "recognition systems": staff are trained on facial recognition systems.
  '(?:detection|safety|moderation|classification) (?:systems?|technology|technologies|tools?)',
  'generative (?:tools?|systems?|technology|technologies|features?)',
  '(?:AI|ML) (?:tools?|systems?|technology|technologies)',
);
const DATA = alt(
  'content',
  'data',
  'information',
  'inputs?',
  'outputs?',
  'prompts?',
  'conversations?',
  'chats?',
  'posts?',
  'photos?',
  'recordings?',
  'voice',
  'files?',
  'feedback',
  'interactions?',
  'activity',
  'materials?',
  'submissions?',
);

/**
 * Guide R7: a unit that only defines a term (no first person stating a practice) gets no label — the plain
 * form ("'Training Data' means …") and a definition by genus ("AI-generated content is content that is created
 * by generative models…"). A veto of the rules here and a gate of the model's label (./ai-training-gates.ts).
 */
export const DEFINITIONS: readonly RegExp[] = [
  // The term is a noun phrase, not "By using automated means …" (means as a noun after a verb or adjective).
  /^\W*(?!.*\b(?:we|us|our)\b)(?!(?:by|if|when|where|while|to|for|in|on|with|using|through|via|any|all|such)\b)[\w"' -]{1,50}?["']?\s+(?<!\b(?:automated|automatic|electronic|any|other|technical|technological|reasonable|appropriate|such|all|lawful|these|those|various|digital|similar|mechanical|manual) ?["']?\s)(?:means|refers to|shall mean|is defined as|has the meaning)\b/i,
  /^\W*(?!.*\b(?:we|us|our)\b)[\w"' -]{1,50}?\s+(?:is|are) (?:content|data|information|material|text|output)s? (?:that|which) (?:is|are) (?:created|generated|produced|made)\b/i,
];

/** What an AI service processed, named as the data ("AI Content", "Amazon Connect ML Content"). */
const AI_CONTENT = alt('AI', 'ML', 'machine[- ]learning') + ' Content';
/** No user, customer or their data before the match: then nobody's data is named as the training's source. */
const NO_USER_BEFORE = String.raw`^(?:(?!\b(?:you|your|users?'?|customers?'?|members?'?|personal)\b)[^.])*?`;

/**
 * Guide §3 (settled 2026-12-08): a customer training a model of their own — a feature offered to them, terms
 * about the models they modified, a service that helps them train — is no training by the company. Only where
 * the company does not also train ("we … train" after the customer's part keeps the label). A full stop inside
 * a section number ("Section 50.10.1") does not end the sentence.
 */
const CUSTOMER_OWN_MODEL: readonly RegExp[] = [
  /^(?!(?:[^.]|\.(?=\d))*\b(?:we|us)\b[^.]{0,80}\btrain)(?:[^.]|\.(?=\d))*(?:\bhelp(?:s|ing)? (?:you|customers?|developers?) (?:to )?(?:train|fine-?tune|build|develop)\b[^.]{0,80}?\bmodels?\b|\byou (?:have |had )?(?:fine-?tuned|re-?trained)\b|\bfine-?tun(?:ed|ing),? (?:or )?(?:refine(?:d|ment)|customi[sz](?:ed|ation)|modifi(?:ed|cation))\b|\b(?:submitted|uploaded) (?:by (?:you|the customer|customers) )?(?:to|for) fine-?tun(?:e|ing)\b)/i,
];

/**
 * Guide R11 (settled 2026-12-08): how the company's training works, with nobody's data named as its source —
 * its stages, what it teaches a model, what a step of it does — and a model's output described by the patterns
 * of its training data; guide R9: models a named third party trained and offers as its own.
 */
const TRAINING_DESCRIBED: readonly RegExp[] = [
  /\btrain(?:s|ing)? (?:its|our|the|their) (?:[\w-]+ )?models? (?:can |may |typically |usually |generally )?(?:involves?\b|in (?:two|three|four|several|multiple|\d+) (?:separate )?(?:stages|steps|phases)\b)|\b(?:stages|steps|phases) of (?:model )?training\b/i,
  new RegExp(
    `${NO_USER_BEFORE}\\btrain(?:s|ed|ing)? (?:the |our |its |their |these |those )?(?:[\\w-]+ ){0,2}?(?:models?|LLMs?) (?:to (?:not|never|be|follow|avoid|refuse|respond|behave|align|reduce)\\b|so (?:that )?(?:it|they)\\b)`,
    'i',
  ),
  /^(?![^.]*\b(?:you|your|users?'?|customers?'?|personal)\b)\W*(?:(?:in addition|additionally|also|then|next|finally),? )?(?:[a-z-]+ ){0,2}?"?(?:post-|pre-)?(?:training|fine-?tuning)"?(?:[^.;]|\.(?=[\w,])){0,160}?\b(?:is (?:essential|necessary|important|needed)|helps?|makes?)\b/i,
  /^(?![^.]*\b(?:your|users?'?|customers?'?|personal)\b)[^.]*\bpatterns (?:in|from|learned from) (?:the )?(?:data|content|information|text) (?:used to train|(?:it|they) (?:was|were) trained on)\b/i,
  /^(?![^.]*\b(?:your|users?'?|customers?'?|personal)\b)[^.]*\b(?:[Ii]s|[Aa]re|was|were|been) (?:pre-?)?trained(?:,? (?:and|or) (?:developed|built|provided|owned|hosted|maintained))? by (?:[A-Z][\w.&-]*|third[- ]part(?:y|ies))/,
];

/**
 * Guide §3 (settled 2026-12-08): the company describing its business or principles, or documentation that
 * tells a developer what to build, with no use of anyone's data; and a note of what the policy added.
 */
const COMPANY_DESCRIBED: readonly RegExp[] = [
  /^\W*we (?:build|develop|create|make|design) (?:[\w-]+ ){0,2}?(?:AI|artificial intelligence|machine learning) (?:products|tools|services|solutions|systems|technolog(?:y|ies)|agents|assistants)\b(?![^.]*\b(?:your|users?'?|customers?'?|personal)\b)/i,
  /^\W*(?:build|create|launch)(?:,? (?:and|or) (?:deploy|launch|scale|run))+ (?:your own |custom )?(?:AI|ML) (?:agents?|apps?|applications|chatbots?|assistants?)\b/i,
  /^(?![^.]*\b(?:use[sd]?|using|process(?:es|ed|ing)?)\b[^.]*\b(?:your|users?'?|customers?'?|personal|data|content|information)\b)[^.]*\b(?:responsible|trustworthy|ethical|safe)(?:,? and [\w-]+)? (?:development|deployment)\b/i,
  /^\W*we(?:'ve| have)? (?:added|updated|clarified|expanded|revised|included|provided) (?:more |additional |further |new |some )?(?:details?|information|language|explanations?|clarity|context) (?:on|about|regarding|around|to (?:explain|clarify|describe))\b/i,
];

/** AI / ML training on user data. Lexicon from classifier.md §4.1. */
export const aiTraining: RuleFamily = {
  category: 'ai-training',
  cue: /train|tun|distil|model|machine|artificial|\bai\b|\bml\b|learn|recognition|algorithm|neural|llm|classifier|gemini|copilot|grok|llama|system|tool|filter/i,
  userNegation: 'user-prohibited',
  vetoes: [
    // Cross-references and headline-like titles name the topic without stating a practice (data guide §4),
    // unless they also say who uses what ("…data we use to train our models, please read…").
    /^(?![^.]*\b\w+\s+(?:may\s+)?uses?\b)\W*(?:for (?:more|further) (?:information|details)|more (?:information|details) (?:about|on)|(?:to )?learn more|see (?:our|the|this))\b/i,
    /^\W*how (?:your|we|our)\b[^.!?;:]*$/i,
    // The company describing itself ("xAI is a company working on building AI…"), not a use of data.
    /\bworking on building\b|\bwe have developed\b/i,
    // A company describing itself ("X is an AI safety and research company, building … AI systems").
    /\bis an? (?:[\w-]+,? ){0,5}(?:company|lab|laboratory|organi[sz]ation)\b/i,
    // Models described, not trained on anyone's data: "pre-trained models", "trained or fine-tuned models".
    /\b(?:pre-?trained|internally trained|trained or fine-tuned) (?:[\w-]+ ){0,2}models?\b/i,
    // How models in general learn ("Large language models such as X are 'trained' on a variety of content"):
    // a class of models as the subject, nobody's data named, so no practice of the company's.
    /^(?![^.]*\byou(?:r|rs)?\b)\W*(?:(?:large|generative|foundation|AI|machine[- ]learning) )*(?:language models|LLMs|AI models|models|neural networks)(?:,? (?:such as|like) [\w.-]+(?: [\w.-]+)?,?)? (?:are|get) ['‘’"]?trained\b/i,
    // A phase of building models described ("At the end of pre-training, the model can predict…"), with no one
    // stating a use of anyone's data (guide R11).
    /^(?![^.]*\b(?:we|us|our|you|your)\b)\W*(?:at the end of|during|after|before|in) (?:the )?pre-?training\b/i,
    // Trains as transport, training as a business service.
    /\btrains? (?:services?|stations?|tickets?|journeys?|travel|operators?|times?)\b|\btraining(?:,| and) (?:consulting|quality|product development)|\bquality assurance(?: purposes)? and training\b|\btraining(?: and [\w-]+)? materials\b/i,
    // Staff training ("employees receive training on data protection") is no model training.
    /\b(?:employees?|personnel|staff|workforce)\b[^.]{0,40}\btrain(?:ed|ing)\b|\btrain(?:s|ed|ing)?\b[^.]{0,40}\b(?:employees|personnel|staff)\b|\btraining on data (?:protection|security|privacy)\b/i,
    ...DEFINITIONS,
    // A model described by the bulk it was trained on, nobody's data named (guide R11).
    /\b(?:is|are|was|were) ['"]?trained['"]? on (?:a |an )?(?:wide |large |vast |massive |diverse |broad |huge )?(?:variety|amounts?|range|quantities|mix)\b(?![^.]*\b(?:your|users?'?|personal|public(?:ly)?)\b)/i,
    // The user adapts a model of their own ("you can adapt models by fine-tuning them with your own pairs",
    // "you can build apps, including fine-tuning models for your tasks").
    /\byou can (?:[\w-]+,? ){0,8}?(?:by )?fine-?tun(?:e|es|ed|ing) (?:them|it|models?|your)\b/i,
    ...CUSTOMER_OWN_MODEL,
    ...TRAINING_DESCRIBED,
    ...COMPANY_DESCRIBED,
  ],
  patterns: [
    // "use your Content to train … models", "used for training our models"
    {
      id: 'ai.use-to-train',
      pattern: rx(
        near(
          alt('use[sd]?', 'using', 'process(?:es|ed|ing)?'),
          // "in our training material" names the corpus, not a purpose.
          near(alt('to', 'for', 'in'), `${TRAIN}(?! (?:materials?|data(?:sets?)?)\\b)`, 4),
          14,
        ),
      ),
      strong: false,
    },
    { id: 'ai.train-model', pattern: rx(near(TRAIN_ACT, MODEL, 8)), strong: true },
    // "machine learning / AI training", "AI model training", "LLM training": the model named first.
    {
      id: 'ai.model-training',
      pattern: rx(
        `${alt('artificial intelligence', 'A\\.?I', 'machine[- ]learning', 'ML', 'LLMs?', 'models?', 'algorithm(?:ic)?', 'neural network')}(?:\\s*/\\s*[\\w-]+(?: [\\w-]+)?)?\\s+(?:model\\s+)?(?:training|fine-?tuning)`,
      ),
      strong: false,
    },
    {
      id: 'ai.train-on-data',
      pattern: rx(
        near(
          TRAIN,
          `(?:on|using|with)\\W+(?:[\\w'-]+\\W+){0,3}?${alt(DATA, 'images?', 'videos?', 'audio', 'texts?', 'messages?', 'emails?', 'samples?', 'pins?')}`,
          4,
        ),
      ),
      strong: false,
    },
    {
      id: 'ai.model-improvement',
      pattern: rx(
        alt(
          'model (?:improvement|training)',
          // "used as training data", not "the model's training data" or "limit undesirable training data".
          '(?:as|for|in|into|to|from) (?:our |AI |model )?training data(?:sets?)?',
          near('improve', alt('(?:AI|language|our|the) models?', 'model performance'), 4),
          near('help', alt('models? (?:learn|respond|perform|get)'), 3),
        ),
      ),
      strong: false,
    },
    // "opt out of training", "turn off training", "training is enabled": a control implies the practice.
    {
      id: 'ai.training-control',
      pattern: rx(
        alt(
          `${alt('opt(?:s|ed|ing)?[- ]?out of', 'turn(?:s|ed|ing)? (?:off|on)', 'disabl(?:e|es|ed|ing)', 'enabl(?:e|es|ed|ing)', 'object(?:s|ed|ing)? to')} (?:[\\w-]+ ){0,3}?(?:model )?training`,
          // "object to us using the questions you type for training": an objection presupposes the practice.
          `object(?:s|ed|ing)? to (?:[\\w'-]+ ){1,10}?(?:for|in|to) (?:model |AI )?train(?:ing)?`,
          'training (?:is|was) (?:enabled|on|turned on)',
        ),
      ),
      strong: false,
    },
    {
      id: 'ai.improve-models',
      pattern: rx(
        alt(
          near(
            alt('use[sd]?', 'using'),
            near(
              'to',
              // Up to six words between: "to develop and improve the assistant and the large language models".
              `(?:${alt('improve', 'develop', 'build', 'enhance')})(?:,? (?:and|or) ${alt('improve', 'develop', 'build', 'enhance', 'train')})?\\W+(?:[\\w'-]+\\W+){0,6}?models?`,
              1,
            ),
            12,
          ),
          near(
            alt('help(?:s|ing)?', 'make(?:s)?', 'allow(?:s|ing)?'),
            `(?:our |the |its )?(?:AI )?models? (?:to )?(?:become|be|get|learn|respond|perform|improve|more|better)`,
            2,
          ),
          'help(?:s|ing)? (?:to )?train',
          // A bare "models" only right after the verb: "create … forecasting models" is not about AI. Also
          // "creating statistics and models related to the use of our services", and algorithms built from
          // the data ("create algorithms that identify groups of players", guide §3 algorithms).
          `${alt('develop(?:s|ed|ing)?', 'build(?:s|ing)?', 'creat(?:e|es|ed|ing)')}\\W+(?:statistics (?:and|or) )?models?`,
          `${alt('develop(?:s|ed|ing)?', 'build(?:s|ing)?', 'creat(?:e|es|ed|ing)')} (?:new |our )?algorithms (?:that|which)`,
          near(
            alt('develop(?:s|ed|ing)?', 'build(?:s|ing)?', 'creat(?:e|es|ed|ing)'),
            `${alt('AI', 'machine[- ]learning', 'language', 'foundation', 'generative', 'competing', 'our', 'the', 'its', 'their')} models?`,
            4,
          ),
        ),
      ),
      strong: false,
    },
    // Umbrella terms some policies define once and reuse ("Artificial Intelligence Purposes").
    {
      id: 'ai.ai-purposes',
      pattern: rx(
        alt(
          'AI-related (?:uses?|processing|purposes)',
          'artificial intelligence purposes',
          'machine learning (?:development|purposes)',
          'through machine learning',
        ),
      ),
      strong: false,
      vague: true,
    },
    {
      id: 'ai.develop-ai',
      pattern: rx(
        near(
          alt(
            'develop(?:s|ed|ing|ment)?',
            'improv(?:e|es|ed|ing|ement)',
            'build(?:s|ing)?',
            'enhanc(?:e|es|ed|ing|ement)',
          ),
          alt('artificial[- ]intelligence', 'AI', 'machine[- ]learning', 'generative AI'),
          5,
        ),
      ),
      strong: false,
    },
    // Guide §4.2 R1: a use of the user's data whose purposes end in AI / ML technology, the list of purposes
    // between ("to provide, improve, and develop our products, services, and machine-learning technologies").
    {
      id: 'ai.purposes-include-ml',
      pattern: rx(
        near(
          alt(
            'use[sd]?',
            'using',
            'process(?:es|ed|ing)?',
            'stor(?:e|es|ed|ing)',
            'analy[sz](?:e|es|ed|ing)',
          ),
          near(
            alt(
              'develop(?:s|ed|ing|ment)?',
              'improv(?:e|es|ed|ing|ement)',
              'enhanc(?:e|es|ed|ing)',
              'refin(?:e|es|ed|ing)',
            ),
            `${alt('artificial[- ]intelligence', 'AI', 'machine[- ]learning', 'generative AI')}(?:\\W+[\\w-]+){0,3}?\\W+${alt('technolog(?:y|ies)', 'systems?', 'models?', 'features?', 'capabilities')}`,
            14,
          ),
          16,
        ),
      ),
      strong: false,
    },
    // "use such data for our machine learning", "for AI research": the data's purpose is ML itself.
    {
      id: 'ai.for-ml',
      pattern: rx(
        alt(
          `(?:for|in|including|conduct(?:s|ing)?) (?:our |its |their )?${alt('machine[- ]learning', 'AI research', 'artificial intelligence research')}`,
          // "improve our processes, including security practices, algorithms, and other modelling": a list of
          // models improved (guide §3 algorithms, settled 2026-12-08).
          `${alt('improv(?:e|es|ed|ing)', 'revis(?:e|es|ed|ing)', 'refin(?:e|es|ed|ing)')}\\b[^.;]{0,80}?\\balgorithms?,?(?: (?:and|or))?(?: [\\w-]+,?){0,3}? (?:other )?modell?ing`,
          // "improve the products of our group, such as our machine learning technology".
          `${alt('improv(?:e|es|ed|ing)', 'develop(?:s|ed|ing)?')}\\b[^.;]{0,80}?\\b(?:such as|including|like) (?:our |its |their )?${alt('machine[- ]learning', 'AI', 'artificial intelligence')} ${alt('technolog(?:y|ies)', 'models?', 'systems?')}`,
          near(
            alt('improv(?:e|es|ed|ing)', 'refin(?:e|es|ed|ing)'),
            `(?:[\\w-]+ )?${alt('recommendation algorithms?', 'algorithms?', 'risk models?', 'modell?ing', '(?:voice|speech|facial|face|image) recognition (?:technolog(?:y|ies)|capabilit(?:y|ies)|systems?)')}`,
            4,
          ),
        ),
      ),
      strong: false,
    },
    // Guide §3: safety and enforcement systems refined with what users post or report, no AI word named
    // ("reports help refine our enforcement systems", "updating safety classifiers"). Not security systems,
    // which protect rather than learn.
    {
      id: 'ai.improve-safety-systems',
      pattern: rx(
        near(
          alt(
            'improv(?:e|es|ed|ing)',
            'refin(?:e|es|ed|ing)',
            'updat(?:e|es|ed|ing)',
            'enhanc(?:e|es|ed|ing)',
          ),
          `${alt('safety', 'moderation', 'enforcement', 'detection', 'discovery', 'spam', 'abuse')}(?: and [\\w-]+)? ${alt('systems?', 'tools?', 'classifiers?', 'filters?', 'models?')}`,
          4,
        ),
      ),
      strong: false,
    },
    // A personal model learned from the user's own data: a model of your voice or face, a keyboard that
    // learns your typing, a chatbot that learns from your queries (guide §4.2 R12).
    {
      id: 'ai.personal-model',
      pattern: rx(
        alt(
          `${alt('creat(?:e|es|ed|ing)', 'build(?:s|ing)?', 'updat(?:e|es|ed|ing)', 'train(?:s|ed|ing)?')}(?:\\W+[\\w-]+){0,4}?\\W+models? of your`,
          `learn(?:s|ed|ing)?(?: and [\\w-]+)? (?:from )?your ${alt('writing', 'typing', 'words', 'vocabulary', 'style', 'voice', 'interactions', 'queries', 'inputs', 'usage', 'behaviou?r')}`,
          'self-learning',
          `learning from (?:your|users'?|customers'?) ${alt('interactions', 'inputs', 'data', 'usage', 'queries', 'feedback')}`,
        ),
      ),
      strong: false,
    },
    // A licence grant whose purposes include training (guide §4.2 R2): "a … licence to … (b) to train …".
    {
      id: 'ai.license-to-train',
      pattern: rx(
        // Across the semicolons of lettered purposes ("license to (a) … ; and (b) to train, develop …").
        `licen[cs]e\\b(?:[^.;]|;\\s*(?:and |or )?(?=\\([a-z0-9]+\\)|[a-z0-9]\\)))${'{'}0,300}?\\bto ${alt('train', 'fine-?tune', 'improve (?:our |its )?(?:AI )?models')}`,
      ),
      strong: false,
    },
    // An AI opt-out control for a use of content to develop and improve the service (guide R3: a control
    // presupposes the practice): "instruct us not to use … by configuring an AI services opt-out policy".
    // Also where the data is what an AI service processed ("AI Content"), the opt-out named any way.
    {
      id: 'ai.ai-opt-out',
      pattern: rx(
        alt(
          `(?:use|using|store)\\b[^.]{0,160}?\\b(?:develop|improve)\\b[^.]{0,200}?\\b${alt('AI', 'machine[- ]learning')}(?: services?)? opt[- ]?out`,
          `(?:use|using|store|storing)\\b[^.]{0,100}?\\b${AI_CONTENT}\\b[^.]{0,200}?\\b(?:${alt('AI', 'machine[- ]learning')}(?: services?)? )?opt[- ]?out`,
        ),
      ),
      strong: false,
    },
    // Content an AI service processed (prompts, responses: "AI Content") used or kept to develop or improve
    // the service (guide §3, settled 2026-12-08).
    {
      id: 'ai.ai-content-improvement',
      pattern: rx(
        `(?:use|using|stor(?:e|ing))\\b[^.]{0,80}?\\b${AI_CONTENT}\\b[^.]{0,160}?\\b(?:develop|improve|service improvement|train)`,
      ),
      strong: false,
    },
  ],
  // A list item under "Specifically, we train our models using data from the following sources:" names data
  // the lead-in says is used for training (guide §4.2 R1: read with the lead-in).
  // An item with its own subject is a sentence, not a source the lead-in lists; data the company generates
  // itself is no user data (guide §4.2 R9).
  leadInItemVeto:
    /^\W*(?:we|you) (?!may\b|will\b)\w+|\b(?:generated?|created?|produced?) (?:internally|in-house|by us)\b|\bdata (?:that )?we (?:generate|create|produce)\b/i,
  leadInPatterns: [
    {
      id: 'ai.train-lead-in',
      // Not `rx`: the lead-in ends with the colon, where a trailing \b cannot match.
      pattern: new RegExp(
        `\\b(?:we|our|[A-Z][\\w.]+)\\b[^.:]{0,80}?\\b${TRAIN}\\b[^.:]{0,40}?\\b${MODEL}\\b[^.]*:\\s*$`,
        'i',
      ),
      strong: false,
    },
  ],
};
