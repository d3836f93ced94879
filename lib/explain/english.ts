/**
 * The English catalogue as a translator, for the explanations stored with each version and written by the CLI
 * (the JSON contract's `explanation` is English unless `analyze --locale` asks otherwise).
 * @module
 */
import en from '../../public/_locales/en/messages.json';
import { createTranslator, getMessageFromCatalogue, type Translate } from '../i18n';

// Pure: a page that imports a module using it, but not the function that does, leaves the catalogue out.
export const english: Translate = /* @__PURE__ */ createTranslator(
  /* @__PURE__ */ getMessageFromCatalogue(en),
);
