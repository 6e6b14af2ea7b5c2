// The public API: load → validate → normalize → model → render → export.
export { type BuildOptions, type BuildResult, build, defaultConcurrency } from "./build.js";
export { type CheckOptions, type CheckReport, type CheckResult, check } from "./check.js";
export type { Ambiguity, Assessment, BriefChanges } from "./compare/changes.js";
export { compareBriefs } from "./compare/compare-briefs.js";
export {
  type ConfigFlags,
  type ResolvedConfig,
  resolveConfig,
  type UserConfig,
} from "./config.js";
export {
  BriefingError,
  type FailureKind,
  formatProblem,
  type Position,
  type Problem,
  type ProblemCode,
  type Severity,
  severityOf,
} from "./errors.js";
export { type EarlierBrief, loadEarlierBrief } from "./load/earlier-brief.js";
export { briefJsonSchema } from "./load/json-schema.js";
export { type LoadedBrief, loadBrief, validateBrief } from "./load/load-brief.js";
export { type Brief, briefSchema } from "./load/schema.js";
export { type InlineRun, parseInline, plainText } from "./markup/inline.js";
export { buildDeck } from "./model/build-deck.js";
export type { Deck, Slide } from "./model/deck.js";
export { buildHandout, type Handout, type HandoutSheet } from "./model/handout.js";
export { deckOutline, type OutlineEntry } from "./model/outline.js";
export type { NormalBrief } from "./normalize/normal-brief.js";
export { normalizeBrief } from "./normalize/normalize-brief.js";
export type { LookSettings } from "./render/render-brief.js";
export { type RenderOptions, renderDeck } from "./render/render-deck.js";
export {
  type PreviewServer,
  type Refresh,
  type ServeOptions,
  startServer,
} from "./serve/server.js";
