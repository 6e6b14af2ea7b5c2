import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The one module that finds the package's folders from where it is itself, so the one that
// scripts/bundle.mjs rewrites: lib/briefing.bundle.cjs has no import.meta, and there this
// module's own URL is written in as that of lib/paths.js beside the bundle. Every other module
// finds the package's files through these.

/** The package's folder: package.json, templates/, schema/, lib/, and src/ in a checkout. */
export const packageRoot = fileURLToPath(new URL("../", import.meta.url));

/** The deck template, its partials, its script, the theme, serve's page, the new brief. */
export const templatesDir = path.join(packageRoot, "templates");

/** What tsc and scripts/ write: the compiled modules and what the build made from templates/. */
export const libDir = path.join(packageRoot, "lib");

/** The sources, only in a checkout (see isCheckout). */
export const sourceDir = path.join(packageRoot, "src");

/** briefing's own package.json. */
export const packageJsonFile = path.join(packageRoot, "package.json");

/** Resolves and loads packages (and Node's own modules) as a module of briefing would. */
export const packageRequire = createRequire(import.meta.url);
