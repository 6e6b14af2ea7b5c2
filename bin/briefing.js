#!/usr/bin/env node
// The `briefing` command. The TypeScript in src/ is compiled to lib/ by `npm install`, and the
// command is bundled into lib/briefing.bundle.cjs (scripts/bundle.mjs), which starts faster: see
// runBundle. Without a usable bundle the command runs from lib/*.js, the same code, slower.
// This file is CommonJS (bin/package.json): an ES module entry costs Node more to start, for
// its module loader (see docs/performance.md).
const { existsSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { runBundle } = require("./run-bundle.js");

const lib = path.join(__dirname, "..", "lib");
const cli = path.join(lib, "cli.js");
if (!existsSync(cli)) {
  console.error(
    "briefing: lib/ is missing; run `npm install` (or `npm run build:ts`) in the briefing folder first",
  );
  process.exit(3);
}
// Packages the bundle imports (see scripts/bundle.mjs); Puppeteer and pptxgenjs from bundles of
// their own.
const bundles = [];
const ownBundles = { puppeteer: "puppeteer.bundle.cjs", pptxgenjs: "pptxgenjs.bundle.cjs" };
const load = (specifier) => (ownBundles[specifier] ? loadBundled(specifier) : import(specifier));
// In a checkout (src/ beside lib/), lib/ may have been rebuilt in parts since the bundle was
// made (see stampHolds).
const checkout = existsSync(path.join(lib, "..", "src"));
const bundle = run(path.join(lib, "briefing.bundle.cjs"));
const loaded = bundle ? Promise.resolve(bundle.exports) : import(pathToFileURL(cli).href);
loaded.then(async ({ main, flushed }) => {
  const status = await main(process.argv.slice(2));
  process.exitCode = status;
  for (const made of bundles) made.saveCodeCache();
  // Done means done: a wait Puppeteer left behind on a browser that is gone (its waitForTarget
  // under a page that timed out keeps a 30 s timer) must not hold the command up.
  await flushed();
  process.exit(status);
}, cannotStart);

/** A copy that cannot even load (a package missing from a broken install) says so in words. */
function cannotStart(error) {
  const missing = error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND";
  console.error(
    missing
      ? `briefing: cannot start: a package it needs is missing (${String(error.message).split("\n")[0]}); run \`npm install\` in the briefing folder`
      : `briefing: cannot start: ${error?.message ?? error}`,
  );
  process.exit(3);
}

/**
 * A package from its bundle (lib/puppeteer.bundle.cjs, …) while it was made from the version
 * installed (an upgrade without `npm install` in this package would otherwise run the old one).
 */
const loading = new Map();
function loadBundled(name) {
  if (!loading.has(name)) {
    const bundled = run(path.join(lib, ownBundles[name]));
    loading.set(name, bundled ? Promise.resolve(bundled.exports) : import(name));
  }
  return loading.get(name);
}

/** Runs a bundle, if it is there and fresh (see runBundle), and keeps it to save its cache. */
function run(file) {
  const bundled = runBundle(file, { checkout, load });
  if (bundled) bundles.push(bundled);
  return bundled;
}
