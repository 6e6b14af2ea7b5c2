import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type HandlebarsNamespace from "handlebars";
// The runtime alone is all precompiled templates need: a fraction of Handlebars, its compiler
// is loaded only when the templates must be compiled here (see fromFiles).
import * as handlebarsRuntime from "handlebars/runtime.js";
import { isCheckout } from "../checkout.js";

/** The folder of the deck template, its partials, its script and the theme. */
export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

// Written by scripts/precompile-templates.mjs when the package is built (lib/ sits beside src/).
const precompiledFile = fileURLToPath(
  new URL("../../lib/templates.precompiled.cjs", import.meta.url),
);

const require = createRequire(import.meta.url);

type Template = (context: object) => string;
type Handlebars = typeof HandlebarsNamespace;
type Spec = Parameters<Handlebars["template"]>[0];
type Specs = { templates: Record<string, Spec>; partials: Record<string, Spec> };

interface Environment {
  template(name: string): Template;
}

let environment: Environment | undefined;
const compiled = new Map<string, Template>();
let useFiles = false;

/**
 * A top-level template of `templates/` (`deck.hbs`, `handout.hbs`, …) with every partial
 * registered, compiled once per process. Only the tool's own files in `templates/` are ever
 * compiled; a brief's text is data, never a template.
 */
export function template(name: string): Template {
  const cached = compiled.get(name);
  if (cached) return cached;
  environment ??= (!useFiles && precompiled()) || fromFiles();
  const result = environment.template(name);
  compiled.set(name, result);
  return result;
}

/** The deck template: see `template`. */
export function deckTemplate(): Template {
  return template("deck.hbs");
}

/** Drops the compiled templates, so the next render reads the files again (after an edit). */
export function forgetTemplates(): void {
  compiled.clear();
  environment = undefined;
  useFiles = true;
}

const partialsDir = () => path.join(templatesDir, "partials");
const hbsFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".hbs"));

/**
 * The build's precompiled templates on Handlebars' runtime, if there are any and, in a checkout,
 * none of the template files was edited since (see isCheckout).
 */
function precompiled(): Environment | undefined {
  if (!existsSync(precompiledFile) || (isCheckout() && editedSinceBuilt())) return undefined;
  // scripts/bundle.mjs puts an import of the file in place of this require: the bundle carries
  // the specs in itself.
  const specs = require(precompiledFile) as Specs;
  const runtime = (handlebarsRuntime as unknown as { default: Handlebars }).default.create();
  for (const [name, spec] of Object.entries(specs.partials))
    runtime.registerPartial(name, runtime.template(spec));
  return {
    template(name) {
      const spec = specs.templates[name];
      if (!spec) throw new Error(`no template ${name}`);
      const fn = runtime.template(spec);
      return (context) => fn(context);
    },
  };
}

function editedSinceBuilt(): boolean {
  const built = statSync(precompiledFile).mtimeMs;
  const files = [
    ...hbsFiles(templatesDir).map((f) => path.join(templatesDir, f)),
    ...hbsFiles(partialsDir()).map((f) => path.join(partialsDir(), f)),
  ];
  return files.some((file) => statSync(file).mtimeMs > built);
}

/** Compiles the template files with the full Handlebars: while editing templates, or unbuilt. */
function fromFiles(): Environment {
  const compiler = (require("handlebars") as Handlebars).create();
  for (const file of hbsFiles(partialsDir())) {
    const source = readFileSync(path.join(partialsDir(), file), "utf8");
    compiler.registerPartial(file.slice(0, -4), compiler.compile(source, { preventIndent: true }));
  }
  return {
    template(name) {
      const fn = compiler.compile(readFileSync(path.join(templatesDir, name), "utf8"), {
        preventIndent: true,
      });
      return (context) => fn(context);
    },
  };
}
