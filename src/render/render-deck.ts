import type { Deck } from "../model/deck.js";
import { builtRenderInputs, type RenderInputs } from "./render-inputs.js";

/** Where a project's own theme goes in a deck, laid over the built-in one. */
export const customThemePath = "theme/custom.css";

/** How a deck is rendered beyond its model. */
export interface RenderOptions {
  /** Link `theme/custom.css`, the project's theme, after the built-in one. */
  customTheme?: boolean;
  /** Keep the speaker notes (the default). */
  notes?: boolean;
  /** Served by `briefing serve`, whose reload client talks to the server it came from. */
  live?: boolean;
  /** Hashes (`'sha256-…'`) of inline scripts the page may run besides its own files. */
  scriptHashes?: string[];
  /** Everything is inside the HTML (the one-file deck): not even files beside it are read. */
  selfContained?: boolean;
  /** The page runs no script at all (the print document). */
  noScripts?: boolean;
}

/**
 * The Content-Security-Policy of a deck: its own files and data: URLs only, no network, no
 * inline script but the speaker view's (reveal's notes plugin writes it into its window,
 * which inherits this policy), no plugins, forms or base URL. `'unsafe-inline'` is for
 * styles only: slides set sizes and colours in style attributes.
 */
export function deckPolicy(
  options: RenderOptions = {},
  inputs: RenderInputs = builtRenderInputs(),
): string {
  const self = options.selfContained ? [] : ["'self'"];
  const scripts = [...self, ...inputs.speakerViewHashes(), ...(options.scriptHashes ?? [])];
  return [
    "default-src 'none'",
    `script-src ${options.noScripts ? "'none'" : scripts.join(" ")}`,
    `style-src ${[...self, "'unsafe-inline'"].join(" ")}`,
    `img-src ${[...self, "data:"].join(" ")}`,
    `font-src ${[...self, "data:"].join(" ")}`,
    `connect-src ${options.live ? "'self'" : "'none'"}`,
    // The speaker view shows the deck itself in frames.
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Renders a deck model to the HTML of its `index.html`. Pure given `inputs`, which default to
 * the templates this copy of briefing was built with.
 */
export function renderDeck(
  deck: Deck,
  options: RenderOptions = {},
  inputs: RenderInputs = builtRenderInputs(),
): string {
  return inputs.template("deck.hbs")({
    deck,
    customTheme: options.customTheme ? customThemePath : undefined,
    withoutNotes: options.notes === false,
    policy: deckPolicy(options, inputs),
  });
}

/**
 * Renders the document a deck's PDF is printed from: every slide on a page of its own, laid out
 * as reveal's print view lays them out, but as fixed HTML and CSS, so the browser prints it
 * without running reveal.js (which spends a third of a print laying the pages out). Pure given
 * `inputs`, as renderDeck.
 */
export function renderPrint(
  deck: Deck,
  options: Pick<RenderOptions, "customTheme"> = {},
  inputs: RenderInputs = builtRenderInputs(),
): string {
  return inputs.template("print.hbs")({
    deck,
    customTheme: options.customTheme ? customThemePath : undefined,
    withoutNotes: true,
    policy: deckPolicy({ noScripts: true }, inputs),
  });
}
