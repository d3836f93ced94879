import { alt, near, rx } from './build';
import type { RuleFamily } from './types';

const TRAIN = alt(
  'train(?:s|ed|ing)?',
  're-?train(?:s|ed|ing)?',
  'pre-?train(?:s|ed|ing)?',
  'fine-?tun(?:e|es|ed|ing)',
);
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

/** AI / ML training on user data. Lexicon from classifier.md §4.1. */
export const aiTraining: RuleFamily = {
  category: 'ai-training',
  userNegation: 'user-prohibited',
  patterns: [
    // "use your Content to train … models", "used for training our models"
    {
      id: 'ai.use-to-train',
      pattern: rx(
        near(alt('use[sd]?', 'using', 'process(?:es|ed|ing)?'), near(alt('to', 'for', 'in'), TRAIN, 4), 14),
      ),
      strong: false,
    },
    { id: 'ai.train-model', pattern: rx(near(TRAIN, MODEL, 8)), strong: true },
    {
      id: 'ai.train-on-data',
      pattern: rx(near(TRAIN, `on\\W+(?:[\\w'-]+\\W+){0,3}?${DATA}`, 4)),
      strong: false,
    },
    {
      id: 'ai.model-improvement',
      pattern: rx(
        alt(
          'model (?:improvement|training)',
          'training data(?:sets?)?',
          near('improve', alt('(?:AI|language|our|the) models?', 'model performance'), 4),
          near('help', alt('models? (?:learn|respond|perform|get)'), 3),
        ),
      ),
      strong: false,
    },
    {
      id: 'ai.develop-ai',
      pattern: rx(
        near(
          alt('develop', 'improve', 'build', 'enhance'),
          alt('artificial intelligence', 'AI', 'machine learning'),
          5,
        ),
      ),
      strong: false,
    },
  ],
};
