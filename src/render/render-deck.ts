import type { Deck } from "../model/deck.js";
import { deckTemplate } from "./templates.js";

/** Where a project's own theme goes in a deck, laid over the built-in one. */
export const customThemePath = "theme/custom.css";

/** Renders a deck model to the HTML of its `index.html`. Pure but for reading the templates once. */
export function renderDeck(deck: Deck, options: { customTheme?: boolean } = {}): string {
  return deckTemplate()({ deck, customTheme: options.customTheme ? customThemePath : undefined });
}
