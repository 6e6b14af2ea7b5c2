#!/usr/bin/env node
// The `briefing` command. The TypeScript in src/ is compiled to lib/ by `npm install`, and the
// command is bundled into lib/briefing.bundle.cjs (scripts/bundle.mjs), which starts faster: see
// runBundle. Without a usable bundle the command runs from lib/*.js, the same code, slower.
// This file is CommonJS (bin/package.json): an ES module entry costs Node about 10 ms more to
// start, for its module loader.
const {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const lib = path.join(__dirname, "..", "lib");
const cli = path.join(lib, "cli.js");
if (!existsSync(cli)) {
  console.error(
    "briefing: lib/ is missing; run `npm install` (or `npm run build:ts`) in the briefing folder first",
  );
  process.exit(3);
}
// Packages the bundle imports (see scripts/bundle.mjs); Puppeteer from a bundle of its own.
const bundles = [];
const load = (specifier) => (specifier === "puppeteer" ? loadPuppeteer() : import(specifier));
// In a checkout (src/ beside lib/), `tsc` (which rewrites every file of lib/) or the template
// precompiler run alone after an edit leave an older bundle: lib/ is then the truth. An
// installed package has no src/, and its lib/ was built whole: the times npm gives the files it
// unpacks, in no fixed order, say nothing of what was built from what.
const checkout = existsSync(path.join(lib, "..", "src"));
const bundle = runBundle(
  path.join(lib, "briefing.bundle.cjs"),
  (built) =>
    !checkout ||
    [cli, path.join(lib, "templates.precompiled.cjs")].every((f) => statSync(f).mtimeMs <= built),
);
const loaded = bundle ? Promise.resolve(bundle.exports) : import(pathToFileURL(cli).href);
loaded.then(async ({ main, flushed }) => {
  const status = await main(process.argv.slice(2));
  process.exitCode = status;
  for (const run of bundles) run.saveCodeCache();
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
 * Puppeteer from lib/puppeteer.bundle.cjs while it was made from the version installed (an
 * upgrade without `npm install` in this package would otherwise run the old one).
 */
let puppeteer;
function loadPuppeteer() {
  puppeteer ??= (async () => {
    const file = path.join(lib, "puppeteer.bundle.cjs");
    const run = runBundle(file, () => {
      const installed = createRequire(cli)
        .resolve.paths("puppeteer")
        .map((modules) => path.join(modules, "puppeteer", "package.json"))
        .find((candidate) => existsSync(candidate));
      const version = (json) => JSON.parse(readFileSync(json, "utf8")).version;
      return !!installed && version(installed) === version(`${file}.json`);
    });
    return run ? run.exports : import("puppeteer");
  })();
  return puppeteer;
}

/**
 * Runs a bundle, if there is one and `fresh` says it was made from what is installed now (it is
 * given the time the bundle was written), through V8 with the code cache made the last time:
 * the cache holds the bytecode of every function that run compiled, which spares compiling them
 * again (about a quarter of the process's time). A missing, stale or rejected cache (another
 * Node version) only makes the start slower; `saveCodeCache` then makes a new one once the
 * command is done, if lib/ can be written.
 */
function runBundle(file, fresh) {
  const cacheFile = `${file}.v8-cache`;
  let source;
  let cachedData;
  try {
    const built = statSync(file).mtimeMs;
    if (!fresh(built)) return undefined;
    source = readFileSync(file, "utf8");
    if (statSync(cacheFile).mtimeMs >= built) cachedData = readFileSync(cacheFile);
  } catch {
    if (source === undefined) return undefined;
  }
  // The bundle is one function expression (see scripts/bundle.mjs for its arguments).
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  const dir = path.dirname(file);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir, load);
  const run = {
    exports: module.exports,
    saveCodeCache() {
      if (cachedData && !script.cachedDataRejected) return;
      // Written aside and renamed, so a briefing started meanwhile reads a whole cache or none.
      // The file is opened first: a read-only install does not pay for making the cache.
      const temporary = `${cacheFile}.${process.pid}`;
      let fd;
      try {
        fd = openSync(temporary, "wx");
        writeFileSync(fd, script.createCachedData());
        closeSync(fd);
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only install keeps starting without the cache.
        if (fd !== undefined) rmSync(temporary, { force: true });
      }
    },
  };
  bundles.push(run);
  return run;
}
