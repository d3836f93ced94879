/**
 * Painting clauses on the page (CSS Custom Highlight API, `<mark>` fallback) and removing every trace.
 * @module
 */
export { createHighlighter, type Highlighter, type HighlightItem, type HighlightWindow } from './highlighter';
export {
  highlightName,
  highlightApiCss,
  markCss,
  tint,
  HIGHLIGHT_PREFIX,
  FLASH_NAME,
  ACTIVE_NAME,
  MARK_ATTR,
} from './styles';
export { primaryLabel } from './primary-label';
export { placeCard, stepIndex, type CardSize, type Viewport } from './card-placement';
export { caretAt, isCssHidden, isOwnNode, ownElementKind, pointOnBoxes } from './pointer';
