/** Service groups and AI wording of the dataset tooling (team-written phrasings, not corpus text). */
import { describe, expect, it } from 'vitest';
import { isAiWorded, matchesPoolWording, serviceGroup } from '../../scripts/dataset';

describe('serviceGroup', () => {
  it('puts renamed services and one company’s products that share text in one group', () => {
    expect(serviceGroup('Twitter')).toBe('X (Twitter)');
    expect(serviceGroup('X')).toBe('X (Twitter)');
    expect(serviceGroup('X (Twitter)')).toBe('X (Twitter)');
    expect(serviceGroup('ProtonMail')).toBe(serviceGroup('Proton Mail'));
    expect(serviceGroup('Tp-link_2')).toBe(serviceGroup('TP-Link'));
    for (const s of ['Facebook', 'Instagram', 'WhatsApp', 'Threads', 'Meta AI', 'Llama API', 'Facebook Ads'])
      expect(serviceGroup(s), s).toBe('Meta');
    for (const s of ['Google', 'YouTube', 'AdSense', 'Google Generative AI Services', 'Google Maps', 'Play'])
      expect(serviceGroup(s), s).toBe('Google');
    expect(serviceGroup('amazon web services')).toBe('Amazon');
  });

  it('leaves every other service its own group', () => {
    expect(serviceGroup('Signal')).toBe('Signal');
    expect(serviceGroup('  Grok ')).toBe('Grok');
    expect(serviceGroup('Googleplex Fan Club')).toBe('Googleplex Fan Club');
  });
});

describe('AI wording', () => {
  it('marks units whose own words are about AI, models, training or algorithms', () => {
    for (const t of [
      'We may use your posts to train our models.',
      'Our staff receive regular privacy training.',
      'Pricing models differ by region.',
      'We use machine-learning classifiers to detect spam.',
      'Large language models (LLMs) may produce inaccurate output.',
      'Our generative features can fine-tune replies to your style.',
    ])
      expect(isAiWorded(t), t).toBe(true);
    for (const t of [
      'We share your email with payment processors.',
      'You can download your data at any time.',
    ])
      expect(isAiWorded(t), t).toBe(false);
  });

  it('keeps a broader pool: named assistants and "improve our services / technology" wording', () => {
    expect(matchesPoolWording('Conversations with Gemini help us make it better.')).toBe(true);
    expect(matchesPoolWording('We use this information to improve our products and services.')).toBe(true);
    expect(matchesPoolWording('The developer must be licensed by a financial services regulator.')).toBe(
      false,
    );
    expect(isAiWorded('We use this information to improve our products and services.')).toBe(false);
  });
});
