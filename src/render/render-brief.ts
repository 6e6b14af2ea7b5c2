import type { BriefChanges } from "../compare/changes.js";
import type { LabelOverrides } from "../labels/labels.js";
import type { YardstickName } from "../load/yardsticks.js";
import { buildDeck } from "../model/build-deck.js";
import type { Deck } from "../model/deck.js";
import type { OwnMarkings } from "../model/marking.js";
import type { NormalBrief } from "../normalize/normal-brief.js";
import { type RenderOptions, renderDeck } from "./render-deck.js";
import { builtRenderInputs, type RenderInputs } from "./render-inputs.js";

/** Project settings that change how every deck looks, from the config file. */
export interface LookSettings {
  /** The banner for briefs that have no classification of their own. */
  classification?: string;
  /** A CSS file laid over the built-in theme. */
  theme?: string;
  /** The tool's words, over the catalogue's; a brief's own `labels` win over these. */
  labels?: LabelOverrides;
  /** The project's own banner colours, by marking or level; they win over the theme's. */
  markings?: OwnMarkings;
  /** The yardstick of briefs that name none; a brief's own `yardstick` wins. */
  yardstick?: YardstickName;
}

/**
 * A valid brief → its deck model and HTML, with the project's settings applied. Pure: what it
 * reads besides the brief is `inputs` (by default the templates this copy was built with).
 */
export function renderBrief(
  brief: NormalBrief,
  name: string,
  look: LookSettings,
  {
    changes,
    ...options
  }: Omit<RenderOptions, "customTheme"> & {
    /** What changed since an earlier version of the brief, to show (`--since`). */
    changes?: BriefChanges;
  } = {},
  inputs: RenderInputs = builtRenderInputs(),
): { deck: Deck; html: string } {
  const withDefaults = {
    ...brief,
    classification: brief.classification ?? look.classification,
    labels: { ...look.labels, ...brief.labels },
    yardstick: brief.yardstick ?? look.yardstick,
  };
  const deck = buildDeck(withDefaults, name, look.markings, changes);
  return {
    deck,
    html: renderDeck(deck, { ...options, customTheme: look.theme !== undefined }, inputs),
  };
}
