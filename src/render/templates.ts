import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The folder of the deck template, its partials, its script and the theme. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

type DeckTemplate = (context: object) => string;

let compiled: DeckTemplate | undefined;

/**
 * The deck template with every partial registered, compiled once per process. Only the tool's
 * own files in `templates/` are ever compiled; a brief's text is data, never a template.
 */
export function deckTemplate(): DeckTemplate {
  if (compiled) return compiled;
  const env = Handlebars.create();
  const partialsDir = path.join(templatesDir, "partials");
  for (const file of readdirSync(partialsDir)) {
    if (!file.endsWith(".hbs")) continue;
    const source = readFileSync(path.join(partialsDir, file), "utf8");
    env.registerPartial(file.slice(0, -4), env.compile(source, { preventIndent: true }));
  }
  const template = env.compile(readFileSync(path.join(templatesDir, "deck.hbs"), "utf8"), {
    preventIndent: true,
  });
  compiled = (context) => template(context);
  return compiled;
}

/** Drops the compiled templates, so the next render reads them again (after an edit). */
export function forgetTemplates(): void {
  compiled = undefined;
}
