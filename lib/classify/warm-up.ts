/**
 * A service worker starts cold: the first clauses it classifies run the rules and the model in V8's slowest
 * tiers. Measured in Node on a slow machine, a first batch of 60 policy clauses takes ~70 ms cold and ~25 ms
 * after one pass over these sentences (which itself takes ~60 ms). The background classifies them when a
 * page wakes it, while the page is still reading its text, so the page's first clauses (the preview) are
 * answered sooner. Team-written, one or more per category and some with no label, so every rule family,
 * the stance logic and the model's scoring run.
 * @module
 */
import type { Clause } from '../types';

const SENTENCES = [
  'We may use the content you submit, such as prompts and uploaded files, to train and improve our machine learning models.',
  'We do not use your private messages to train artificial intelligence models.',
  'You can opt out of having your conversations used to improve our models in your account settings.',
  'You may not use the services or any output to develop models that compete with us.',
  'We use automated decision-making, including profiling, to assess eligibility for credit.',
  'We share your personal information with service providers who process payments on our behalf.',
  'We may disclose information to law enforcement agencies when required by law.',
  'We do not sell your personal information to third parties.',
  'Some states give you the right to opt out of the sale of your personal data.',
  'We and our advertising partners use cookies to show you personalised ads across other websites.',
  'We keep your account data for as long as your account is active and delete it within 30 days after closure.',
  'Your information may be transferred to and processed in countries outside the European Economic Area.',
  'Such transfers rely on the Standard Contractual Clauses approved by the European Commission.',
  'We may share aggregated or de-identified information that cannot reasonably be used to identify you.',
  'You can access, correct or delete your personal data by contacting our privacy team.',
  'You may withdraw your consent at any time without affecting the lawfulness of prior processing.',
  'By posting content, you grant us a worldwide, royalty-free licence to use, copy and display it.',
  'Any dispute arising from these terms will be resolved by binding arbitration rather than in court.',
  'You waive any right to participate in a class action lawsuit.',
  'We may modify these terms at any time, and your continued use of the service means you accept the changes.',
  'We will notify you by email before material changes to this policy take effect.',
  'This policy explains how we collect and use information when you use our website.',
  'Contact us at the address below if you have questions about this policy.',
  'These terms are governed by the laws of the State of California.',
];

/** The sentences as clauses, ready to classify. */
export function warmUpClauses(): Clause[] {
  return SENTENCES.map((text, i) => ({
    id: `warm-${i}`,
    text,
    section: '',
    headingPath: [],
    block: i,
    unit: 'sentence',
  }));
}
