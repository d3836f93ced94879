/**
 * The page-level CSS for highlights: colour AND an underline pattern per category (never colour alone), under
 * the session's random names (session-names.ts).
 * @module
 */
import { CATEGORY_IDS, TAXONOMY, type CategoryId } from '../classify/taxonomy';
import type { SessionNames } from './session-names';

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

/** CSS for the CSS Custom Highlight API (`::highlight(<name>)`). */
export function highlightApiCss(names: SessionNames): string {
  const rules = CATEGORY_IDS.map((c) => `::highlight(${names.highlight[c]}) { ${decoration(c)} }`);
  rules.push(`::highlight(${names.active}) { ${ACTIVE_RULE} }`);
  rules.push(`::highlight(${names.flash}) { ${FLASH_RULE} }`);
  return rules.join('\n');
}

/** CSS for the `<mark>` fallback. Resets the UA's yellow mark so only our style shows. */
export function markCss(names: SessionNames): string {
  const rules = CATEGORY_IDS.map(
    (c) =>
      `mark[${names.markAttr}="${names.highlight[c]}"] { color: inherit; ${decoration(c)} cursor: help; border-radius: 1px; padding: 0; }`,
  );
  rules.push(`mark[${names.markAttr}][${names.activeAttr}] { ${ACTIVE_RULE} }`);
  rules.push(`mark[${names.markAttr}][${names.flashAttr}] { ${FLASH_RULE} }`);
  return rules.join('\n');
}
