import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type HandlebarsNamespace from "handlebars";
// The runtime alone is all precompiled templates need: a fraction of Handlebars, its compiler
// is loaded only when the templates must be compiled here (see fromFiles).
import * as handlebarsRuntime from "handlebars/runtime.js";
import { builtFromCurrent } from "../checkout.js";
import { brokenInstall } from "../errors.js";
import { packageRequire, templatesDir } from "../paths.js";
import { precompiledTemplates, precompiledTemplatesFile } from "./precompiled-templates.js";

export { templatesDir };

/** A compiled template: its context → HTML. */
export type Template = (context: object) => string;
type Handlebars = typeof HandlebarsNamespace;

/**
 * The top-level templates of `templates/` (`deck.hbs`, `handout.hbs`, …), each with every
 * partial registered and compiled once per object. Only the tool's own files in `templates/`
 * are ever compiled; a brief's text is data, never a template.
 */
export interface Templates {
  template(name: string): Template;
}

/**
 * Where templates come from: `built`, the build's precompiled ones while they are as new as the
 * files (else the files); `files`, the template files read now (after an edit).
 */
export type TemplateSource = "built" | "files";

/** The templates, compiled lazily from `source`. */
export function loadTemplates(source: TemplateSource = "built"): Templates {
  let environment: Templates | undefined;
  const compiled = new Map<string, Template>();
  return {
    template(name) {
      let result = compiled.get(name);
      if (!result) {
        environment ??= (source === "built" && fromPrecompiled()) || fromFiles();
        result = environment.template(name);
        compiled.set(name, result);
      }
      return result;
    },
  };
}

const partialsDir = () => path.join(templatesDir, "partials");
const hbsFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".hbs"));

/**
 * The build's precompiled templates on Handlebars' runtime, if there are any and, in a checkout,
 * none of the template files was edited since (see builtFromCurrent).
 */
function fromPrecompiled(): Templates | undefined {
  const specs = precompiledTemplates();
  if (!specs || !builtFromCurrent(precompiledTemplatesFile, templateFiles)) return undefined;
  const runtime = (handlebarsRuntime as unknown as { default: Handlebars }).default.create();
  for (const [name, spec] of Object.entries(specs.partials))
    runtime.registerPartial(name, runtime.template(spec));
  return {
    template(name) {
      const spec = specs.templates[name];
      if (!spec) throw brokenInstall(`the template ${name} is missing`);
      const fn = runtime.template(spec);
      return (context) => fn(context);
    },
  };
}

const templateFiles = () => [
  ...hbsFiles(templatesDir).map((f) => path.join(templatesDir, f)),
  ...hbsFiles(partialsDir()).map((f) => path.join(partialsDir(), f)),
];

/** Compiles the template files with the full Handlebars: while editing templates, or unbuilt. */
function fromFiles(): Templates {
  const compiler = (packageRequire("handlebars") as Handlebars).create();
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
