// The public API: load → validate → model → render → export.
export { type BuildOptions, type BuildResult, build, defaultConcurrency } from "./build.js";
export {
  BriefingError,
  formatProblem,
  InvalidBriefError,
  type Problem,
  type ProblemCode,
} from "./errors.js";
export { type LoadedBrief, loadBrief, validateBrief } from "./load/load-brief.js";
export { type Brief, briefSchema } from "./load/schema.js";
export { buildDeck } from "./model/build-deck.js";
export type { Deck, Slide } from "./model/deck.js";
export { buildHandout, type Handout, type HandoutSheet } from "./model/handout.js";
export { deckOutline, type OutlineEntry } from "./model/outline.js";
export { renderDeck } from "./render/render-deck.js";
