import { existsSync } from "node:fs";
import path from "node:path";
import type HandlebarsNamespace from "handlebars";
import { libDir, packageRequire } from "../paths.js";

type Spec = Parameters<(typeof HandlebarsNamespace)["template"]>[0];

/** What scripts/precompile-templates.mjs writes: each template of templates/ precompiled. */
export interface PrecompiledTemplates {
  /** The top-level templates by file name (`deck.hbs`). */
  templates: Record<string, Spec>;
  /** The partials by name (`title`). */
  partials: Record<string, Spec>;
}

/** Written by scripts/precompile-templates.mjs when the package is built. */
export const precompiledTemplatesFile = path.join(libDir, "templates.precompiled.cjs");

let carried: PrecompiledTemplates | undefined;

/**
 * Hands over the precompiled templates that lib/briefing.bundle.cjs carries in itself (its
 * entry imports the file: see scripts/bundle.mjs), so that they come from its code cache rather
 * than from the file. bin/briefing.js runs the bundle only while it is newer than the file.
 * @internal
 */
export function carryPrecompiledTemplates(templates: PrecompiledTemplates): void {
  carried = templates;
}

/** The build's precompiled templates, if it made any. */
export function precompiledTemplates(): PrecompiledTemplates | undefined {
  if (!existsSync(precompiledTemplatesFile)) return undefined;
  return carried ?? (packageRequire(precompiledTemplatesFile) as PrecompiledTemplates);
}
