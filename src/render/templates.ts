import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The folder of the deck template, its partials, its script and the theme. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

type Template = (context: object) => string;

let environment: typeof Handlebars | undefined;
const compiled = new Map<string, Template>();

/**
 * A top-level template of `templates/` (`deck.hbs`, `handout.hbs`, …) with every partial
 * registered, compiled once per process. Only the tool's own files in `templates/` are ever
 * compiled; a brief's text is data, never a template.
 */
export function template(name: string): Template {
  const cached = compiled.get(name);
  if (cached) return cached;
  const env = partials();
  const source = readFileSync(path.join(templatesDir, name), "utf8");
  const fn = env.compile(source, { preventIndent: true });
  const result: Template = (context) => fn(context);
  compiled.set(name, result);
  return result;
}

/** The deck template: see `template`. */
export function deckTemplate(): Template {
  return template("deck.hbs");
}

function partials(): typeof Handlebars {
  if (environment) return environment;
  const env = Handlebars.create();
  const partialsDir = path.join(templatesDir, "partials");
  for (const file of readdirSync(partialsDir)) {
    if (!file.endsWith(".hbs")) continue;
    const source = readFileSync(path.join(partialsDir, file), "utf8");
    env.registerPartial(file.slice(0, -4), env.compile(source, { preventIndent: true }));
  }
  environment = env;
  return env;
}

/** Drops the compiled templates, so the next render reads them again (after an edit). */
export function forgetTemplates(): void {
  compiled.clear();
  environment = undefined;
}
