/**
 * The page-level CSS for highlights: colour AND an underline pattern per category (never colour alone).
 * @module
 */
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '../classify/taxonomy';

export const HIGHLIGHT_PREFIX = 'fineprint-';
export const FLASH_NAME = 'fineprint-flash';
export const ACTIVE_NAME = 'fineprint-active';
/** Attribute on fallback `<mark>` elements; its value is the category. */
export const MARK_ATTR = 'data-fineprint';

/** Registry name of a category's highlight, e.g. `fineprint-ai-training`. */
export function highlightName(category: CategoryId): string {
  return `${HIGHLIGHT_PREFIX}${category}`;
}

/** `#rrggbb` → `rgba(r, g, b, a)`. */
export function tint(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

function decoration(category: CategoryId): string {
  const { colour, pattern } = TAXONOMY[category];
  return `background-color: ${tint(colour, 0.16)}; text-decoration: underline ${pattern} ${colour}; text-decoration-thickness: 2px; text-underline-offset: 2px;`;
}

const FLASH_RULE = 'background-color: rgba(255, 212, 59, 0.85); color: #000;';
const ACTIVE_RULE = 'background-color: rgba(255, 212, 59, 0.45);';

/** CSS for the CSS Custom Highlight API (`::highlight(fineprint-…)`). */
export function highlightApiCss(): string {
  const rules = CATEGORY_IDS.map((c) => `::highlight(${highlightName(c)}) { ${decoration(c)} }`);
  rules.push(`::highlight(${ACTIVE_NAME}) { ${ACTIVE_RULE} }`);
  rules.push(`::highlight(${FLASH_NAME}) { ${FLASH_RULE} }`);
  return rules.join('\n');
}

/** CSS for the `<mark data-fineprint>` fallback. Resets the UA's yellow mark so only our style shows. */
export function markCss(): string {
  const rules = CATEGORY_IDS.map(
    (c) =>
      `mark[${MARK_ATTR}="${c}"] { color: inherit; ${decoration(c)} cursor: help; border-radius: 1px; padding: 0; }`,
  );
  rules.push(`mark[${MARK_ATTR}][data-fineprint-active] { ${ACTIVE_RULE} }`);
  rules.push(`mark[${MARK_ATTR}][data-fineprint-flash] { ${FLASH_RULE} }`);
  return rules.join('\n');
}
