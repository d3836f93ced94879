/**
 * The English catalogue as a translator, for the explanations stored with each version and written by the CLI
 * (the JSON contract's `explanation` is English unless `analyze --locale` asks otherwise).
 * @module
 */
import en from '../../public/_locales/en/messages.json';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../i18n';

export const english: Translate = createTranslator(getMessageFromCatalogue(en));
