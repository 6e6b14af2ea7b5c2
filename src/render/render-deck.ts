import type { Deck } from "../model/deck.js";
import { deckTemplate } from "./templates.js";

/** Renders a deck model to the HTML of its `index.html`. Pure but for reading the templates once. */
export function renderDeck(deck: Deck): string {
  return deckTemplate()({ deck });
}
