// Bundles the compiled command (lib/cli.js and what it imports) into lib/briefing.bundle.cjs,
// which bin/briefing.js runs with a V8 code cache: one file to read and no module resolution,
// instead of some 220 ES modules (ours, zod's, yaml's) resolved, read and compiled on every
// start. lib/*.js stay as they are, for tests and for the library's users. Then makes the code
// cache by running the command once on a brief (see trainCodeCache).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBundle, wrapperEnd, wrapperStart, writeStamp } from "../bin/run-bundle.js";

const root = path.resolve(import.meta.dirname, "..");
const lib = path.join(root, "lib");
const bundleFile = path.join(lib, "briefing.bundle.cjs");
const puppeteerFile = path.join(lib, "puppeteer.bundle.cjs");
const pptxFile = path.join(lib, "pptxgenjs.bundle.cjs");

// A checkout installed before esbuild was a devDependency still builds: without the bundle, the
// command runs from lib/*.js, slower.
const { build } = await import("esbuild").catch(() => ({ build: undefined }));
if (!build) {
  for (const file of [bundleFile, puppeteerFile, pptxFile]) {
    for (const stale of [file, `${file}.v8-cache`, `${file}.json`]) rmSync(stale, { force: true });
  }
  console.warn("scripts/bundle.mjs: esbuild is not installed (npm install); no bundle was made");
  process.exit(0);
}

// Loaded only when printing, and big: it has a bundle of its own (see bundlePuppeteer); so has
// pptxgenjs, loaded only for a PowerPoint file (see bundlePptxGenJS). The
// full Handlebars (with its compiler) is for `serve`'s own page and for templates edited since
// the last build; a build uses the runtime alone (see src/render/templates.ts).
const external = ["puppeteer", "sharp", "pptxgenjs"];
const externalImport = new RegExp(`\\bimport\\(("(?:${external.join("|")})")\\)`, "g");

/**
 * Our modules, as tsc wrote them to lib/, with what a bundler cannot follow written in:
 * - lib/paths.js finds the package's folders from its own `import.meta.url`. A CommonJS bundle
 *   has no import.meta, so it is written in as the URL of lib/paths.js, from the bundle's folder
 *   at run time: the bundle finds the files lib/ does. No other module may read import.meta.
 * - `import()` of the external packages becomes `__import()`, which bin/briefing.js passes in
 *   (see wrapperStart in bin/run-bundle.js).
 */
const fromLib = {
  name: "from-lib",
  setup(b) {
    const pathsModule = path.join(lib, "paths.js");
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(lib + path.sep)) return undefined;
      let contents = readFileSync(args.path, "utf8");
      if (args.path === pathsModule) {
        contents = contents.replaceAll("import.meta.url", 'new URL("paths.js", __libUrl).href');
      } else if (contents.includes("import.meta")) {
        throw new Error(
          `${args.path} reads import.meta: find the package's files through paths.js`,
        );
      }
      return { contents: contents.replace(externalImport, "__import($1)") };
    });
  },
};

const fullHandlebars = {
  name: "full-handlebars",
  setup(b) {
    b.onResolve({ filter: /^handlebars$/ }, () => ({ path: "handlebars", external: true }));
  },
};

// The entry hands the precompiled templates (scripts/precompile-templates.mjs) to the command as
// a module the bundle carries, and so its code cache: see carryPrecompiledTemplates.
const entry = `import * as templates from "./templates.precompiled.cjs";
import { carryPrecompiledTemplates } from "./render/precompiled-templates.js";
carryPrecompiledTemplates(templates);
export * from "./cli.js";
`;

await build({
  stdin: { contents: entry, resolveDir: lib, sourcefile: "briefing-entry.js", loader: "js" },
  outfile: bundleFile,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // Smaller to read and to cache; `--readable` keeps the names, for profiles and stack traces.
  ...(process.argv.includes("--readable")
    ? { minifyWhitespace: true, minifySyntax: true }
    : { minify: true }),
  external,
  plugins: [fromLib, fullHandlebars],
  banner: {
    js: `${wrapperStart}
var __libUrl = require("node:url").pathToFileURL(__dirname + "/");`,
  },
  footer: { js: wrapperEnd },
  logLevel: "warning",
});
if (/\bimport\(/.test(readFileSync(bundleFile, "utf8"))) {
  throw new Error(`an import() is left in ${bundleFile}: import() only the packages in external`);
}
// In a checkout, the bundle runs only while lib/ is as it was made from (see stampHolds).
writeStamp(bundleFile, { files: ["cli.js", "templates.precompiled.cjs"] });

// pptxgenjs's bundle first: the training run writes its cache too.
await bundlePptxGenJS();
trainCodeCache();
await bundlePuppeteer();

/**
 * Makes the bundle's code cache: bin/briefing.js writes one when it has none, after the command,
 * with every function that run compiled. A build of the sample brief compiles what builds use;
 * it is also a first run of the bundle, so a broken bundle fails here rather than for a user.
 */
function trainCodeCache() {
  rmSync(`${bundleFile}.v8-cache`, { force: true });
  const sample = path.join(root, "briefings", "putin-kim-summit-2024.yaml");
  // The brief `briefing new` writes, where the samples are not there.
  const brief = existsSync(sample) ? sample : path.join(root, "templates", "new", "brief.yaml");
  const out = mkdtempSync(path.join(tmpdir(), "briefing-bundle-"));
  try {
    const bin = path.join(root, "bin", "briefing.js");
    // With the PowerPoint file, whose code is then in the cache as well.
    const args = [bin, "build", brief, "--no-pdf", "--pptx", "--force", "--quiet", "--out", out];
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (run.status !== 0) throw new Error(`the bundle failed to build ${brief} (${run.status})`);
    if (!existsSync(`${bundleFile}.v8-cache`)) throw new Error("the bundle made no code cache");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Bundles Puppeteer into lib/puppeteer.bundle.cjs, which bin/briefing.js runs (with a code cache
 * of its own) when the command first prints: importing Puppeteer's some 400 ES modules costs
 * much more than the bundle does from its cache (see docs/performance.md). The cache
 * is written by the first command that prints (making it needs a browser, which installing the
 * package does not). A Puppeteer of another version than the bundle's is imported as it is.
 */
async function bundlePuppeteer() {
  await bundlePackage(puppeteerFile, {
    contents: 'export * from "puppeteer";\nexport { default } from "puppeteer";\n',
    packages: ["puppeteer"],
    // Puppeteer names its errors after their classes (`TimeoutError`), which callers test.
    keepNames: true,
    // The WebDriver BiDi mapper is loaded only for that protocol, which briefing does not use;
    // the others are optional speed-ups of the WebSocket package.
    external: ["chromium-bidi", "bufferutil", "utf-8-validate"],
  });
  checkPuppeteerBundle(puppeteerFile);
}

/**
 * Bundles pptxgenjs into lib/pptxgenjs.bundle.cjs, which bin/briefing.js runs with a
 * code cache of its own when a build first writes a PowerPoint file: compiling its half a
 * megabyte of ES module on every such build would cost more than writing the file.
 */
async function bundlePptxGenJS() {
  await bundlePackage(pptxFile, {
    contents: 'export { default } from "pptxgenjs";\n',
    packages: ["pptxgenjs"],
    files: ["pptx/jszip-stand-in.js", "pptx/zip.js"],
    // What pptxgenjs writes with JSZip is stored by a stand-in of ours, many times faster
    // (see src/pptx/jszip-stand-in.ts); the whole of JSZip stays in lib/ for the library.
    alias: { jszip: path.join(lib, "pptx", "jszip-stand-in.js") },
  });
  const run = runBundle(pptxFile, { checkout: true, load: (specifier) => import(specifier) });
  if (typeof run?.exports.default !== "function") {
    throw new Error(`${pptxFile} does not give pptxgenjs`);
  }
  // A slide written, so that a pptxgenjs asking more of JSZip than the stand-in has fails here.
  const pres = new run.exports.default();
  pres.addSlide().addText("briefing", { x: 1, y: 1, w: 2, h: 1 });
  pres
    .addSlide()
    .addImage({ data: "image/gif;base64,R0lGODlhAQABAAAAACw=", x: 1, y: 1, w: 1, h: 1 });
  const written = await pres.write({ outputType: "nodebuffer", compression: false });
  if (written.readUInt32LE(0) !== 0x04034b50) throw new Error(`${pptxFile} wrote no zip`);
}

/**
 * Bundles a package (`contents` says what of it) into `file`, stamped with the versions of
 * `packages` and the `files` of lib/ it was made from. Its cache is made by its first run.
 */
async function bundlePackage(file, { contents, packages, files, ...options }) {
  rmSync(`${file}.v8-cache`, { force: true });
  await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    outfile: file,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    banner: { js: wrapperStart },
    footer: { js: wrapperEnd },
    logLevel: "warning",
    ...options,
  });
  // As in the command's bundle, import() must go through __import (a configuration file that
  // Puppeteer imports, say, or node:fs that pptxgenjs imports); a quoted "import(" is code the
  // package writes, not runs.
  const source = readFileSync(file, "utf8");
  const dynamicImport = /(?<![\w$."'`])import\(/g;
  writeFileSync(file, source.replace(dynamicImport, "__import("));
  // The versions it was made from, which bin/briefing.js compares with those installed.
  writeStamp(file, { packages, files });
}

/** Runs the new bundle once, so a broken one fails here rather than when a user prints. */
function checkPuppeteerBundle(file) {
  const run = runBundle(file, { checkout: true, load: (specifier) => import(specifier) });
  if (typeof run?.exports.default?.launch !== "function") {
    throw new Error(`${file} does not give Puppeteer`);
  }
}
