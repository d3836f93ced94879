/**
 * Mapping clauses to the live DOM: index the visible text, find each clause in document order, build Ranges.
 * @module
 */
export { normaliseForMatch } from './normalise';
export { indexText, indexTextSliced, type TextIndex, type IndexOptions } from './text-index';
export {
  createLocator,
  rangeFor,
  MIN_MATCH_UNITS,
  type Locator,
  type Placement,
  type TextSegment,
} from './locate-clauses';
