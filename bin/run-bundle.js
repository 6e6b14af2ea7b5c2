// How a bundle of lib/ is wrapped, stamped and run: what scripts/bundle.mjs makes and
// bin/briefing.js runs, written once for both. CommonJS, as bin/briefing.js is.
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
const vm = require("node:vm");

/**
 * A bundle is one function expression, which runBundle compiles as it is and calls with these
 * arguments: the source V8 caches is the file, with no wrapper to add (and copy) first.
 * `__import` stands for `import()`, which code V8 runs from a code cache cannot use (it loses
 * the callback that `import()` in a vm script needs). "use strict" first, where it counts: ES
 * modules are strict.
 */
const wrapperStart =
  '(function (exports, require, module, __filename, __dirname, __import) {"use strict";';
const wrapperEnd = "})";

/**
 * What a bundle was made from, written beside it (`<bundle>.json`) when it is made: the
 * versions of the packages it carries and the files of lib/ it was made from.
 */
const stampFile = (bundle) => `${bundle}.json`;

/** Writes the stamp of a bundle just made from `packages` (names) and `files` (in lib/). */
function writeStamp(bundle, { packages = [], files = [] }) {
  const stamp = {
    packages: Object.fromEntries(packages.map((name) => [name, installedVersion(bundle, name)])),
    files,
  };
  writeFileSync(stampFile(bundle), `${JSON.stringify(stamp)}\n`);
}

/**
 * Whether a bundle is still what its stamp says: each package it carries has the version
 * installed now (an upgrade without a new build would otherwise run the old one) and, in a
 * checkout, no file it was made from is newer than it (`tsc` or the template precompiler run
 * alone after an edit leave an older bundle: lib/ is then the truth). An
 * installed package's lib/ was built whole, and the times npm gives the files it unpacks, in no
 * fixed order, say nothing of what was built from what.
 */
function stampHolds(bundle, checkout) {
  try {
    const { packages, files } = JSON.parse(readFileSync(stampFile(bundle), "utf8"));
    const made = statSync(bundle).mtimeMs;
    const newer = (file) => statSync(path.join(path.dirname(bundle), file)).mtimeMs > made;
    return (
      Object.entries(packages).every(([name, v]) => installedVersion(bundle, name) === v) &&
      !(checkout && files.some(newer))
    );
  } catch {
    return false;
  }
}

/** The version of a package as Node would find it from the bundle, if it is installed. */
function installedVersion(bundle, name) {
  const installed = createRequire(bundle)
    .resolve.paths(name)
    .map((modules) => path.join(modules, name, "package.json"))
    .find((candidate) => existsSync(candidate));
  return installed && JSON.parse(readFileSync(installed, "utf8")).version;
}

/**
 * Runs a bundle whose stamp holds (see stampHolds) through V8 with the code cache made the last
 * time, and returns its exports and `saveCodeCache`. The cache holds the bytecode of every
 * function that run compiled, which spares compiling them again. A missing, stale or rejected
 * cache (another Node version) only makes the start slower; `saveCodeCache` then makes a new
 * one, if lib/ can be written. Undefined when there is no bundle or it is stale.
 */
function runBundle(file, { checkout, load }) {
  const cacheFile = `${file}.v8-cache`;
  let source;
  let cachedData;
  try {
    if (!stampHolds(file, checkout)) return undefined;
    source = readFileSync(file, "utf8");
    if (statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cacheFile);
  } catch {
    if (source === undefined) return undefined;
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  const dir = path.dirname(file);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir, load);
  return {
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
}

module.exports = { wrapperStart, wrapperEnd, writeStamp, stampHolds, runBundle };
