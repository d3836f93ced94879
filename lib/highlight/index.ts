/**
 * Painting clauses on the page (CSS Custom Highlight API, `<mark>` fallback) and removing every trace.
 * @module
 */
export { createHighlighter, type Highlighter, type HighlightItem, type HighlightWindow } from './highlighter';
export { highlightApiCss, markCss, tint } from './styles';
export { drawSessionNames, type RandomBytes, type SessionNames } from './session-names';
export { createOwnNodes, type OwnKind, type OwnNodes } from './own-nodes';
export { primaryLabel } from './primary-label';
export { placeCard, stepIndex, type CardSize, type Viewport } from './card-placement';
export { caretAt, isCssHidden, pointOnBoxes } from './pointer';
export { createUiHost, type UiHost, type UiHostOptions } from './ui-host';
