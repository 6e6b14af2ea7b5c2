import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { handlebarsCompilerIn, loadedModules } from "./helpers/loaded-modules.js";
import { tempDir } from "./helpers/temp.js";

// bin/briefing.js runs lib/briefing.bundle.cjs with its V8 code cache, or lib/*.js without
// them. Each case runs a copy of the checkout's package (src/, bin/, lib/, templates/, schema/),
// so that the cache can be spoiled without touching the one the other tests use; node_modules
// is found above the copy. Without src/, the copy is as npm installs the package.

const sample = path.resolve("briefings/putin-kim-summit-2024.yaml");
let copy: string;
let bundle: string;
let cache: string;

function build(out: string, pdf = false, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(
    process.execPath,
    [
      path.join(copy, "bin", "briefing.js"),
      "build",
      sample,
      ...(pdf ? [] : ["--no-pdf"]),
      "--force",
      "-o",
      out,
    ],
    { encoding: "utf8", env: { ...process.env, ...env } },
  );
  // The one notice a build may print: that Chromium runs without its sandbox, as root.
  expect(run.stderr.replace(/^briefing: running as root.*\n/, "")).toBe("");
  expect(run.status).toBe(0);
  const deck = path.join(out, "putin-kim-summit-2024");
  const files = [
    "index.html",
    ".briefing-build.json",
    ...(pdf ? ["putin-kim-summit-2024.pdf"] : []),
  ];
  return files.map((f) => readFileSync(path.join(deck, f)));
}

/** A new copy of the package, whose bundles and caches each case may spoil. */
async function copyPackage() {
  copy = await tempDir("bin");
  for (const part of ["src", "bin", "lib", "templates", "schema", "package.json"]) {
    cpSync(part, path.join(copy, part), { recursive: true, preserveTimestamps: true });
  }
  bundle = path.join(copy, "lib", "briefing.bundle.cjs");
  cache = `${bundle}.v8-cache`;
}

beforeAll(copyPackage);

describe("bin/briefing.js", () => {
  it("builds the same deck from the bundle, with or without a usable code cache", () => {
    expect(existsSync(cache)).toBe(true);
    const withCache = build(path.join(copy, "out-cached"));

    writeFileSync(cache, "not a code cache");
    expect(build(path.join(copy, "out-rejected"))).toEqual(withCache);
    // A rejected cache is made again, for the next run.
    expect(statSync(cache).size).toBeGreaterThan(1000);

    rmSync(cache);
    expect(build(path.join(copy, "out-uncached"))).toEqual(withCache);
    expect(existsSync(cache)).toBe(true);
  });

  it("runs lib/ rather than a bundle older than it, and the same deck comes out", () => {
    const withBundle = build(path.join(copy, "out-bundle"));
    rmSync(cache);
    const later = new Date(statSync(bundle).mtimeMs + 60_000);
    utimesSync(path.join(copy, "lib", "cli.js"), later, later);
    expect(build(path.join(copy, "out-lib"))).toEqual(withBundle);
    // The bundle did not run, so no cache was made for it.
    expect(existsSync(cache)).toBe(false);
  });

  it("in a checkout, renders a template edited since the build, and hashes it", async () => {
    await copyPackage();
    const [deck, manifest] = build(path.join(copy, "out-before-edit"));
    const title = path.join(copy, "templates", "partials", "title.hbs");
    const written = readFileSync(title, "utf8");
    const edited = written.replace('<div class="cover">', '<div class="cover">Edited briefing');
    expect(edited).not.toBe(written);
    writeFileSync(title, edited);
    const probe = loadedModules(copy, "edited");
    const [editedDeck, editedManifest] = build(path.join(copy, "out-edited"), false, probe.env);
    expect(String(deck)).not.toContain("Edited briefing");
    expect(String(editedDeck)).toContain("Edited briefing");
    expect(handlebarsCompilerIn(probe.read())).toBe(true);
    expect(JSON.parse(String(editedManifest)).inputs).not.toBe(JSON.parse(String(manifest)).inputs);
  });

  it("without src/, as installed, runs the bundle and templates as built, new times or not", async () => {
    await copyPackage();
    const withBundle = build(path.join(copy, "out-bundle"));
    rmSync(path.join(copy, "src"), { recursive: true });
    rmSync(cache);
    // As npm may unpack them: lib/ and the templates after the bundle.
    const later = new Date(statSync(bundle).mtimeMs + 60_000);
    const unpackedLater = [
      path.join(copy, "lib", "cli.js"),
      path.join(copy, "lib", "templates.precompiled.cjs"),
      path.join(copy, "lib", "tool-inputs.json"),
      path.join(copy, "templates", "partials", "title.hbs"),
      path.join(copy, "templates", "theme", "theme.css"),
    ];
    for (const file of unpackedLater) utimesSync(file, later, later);
    const probe = loadedModules(copy, "installed");
    expect(build(path.join(copy, "out-installed"), false, probe.env)).toEqual(withBundle);
    expect(existsSync(cache)).toBe(true);
    expect(handlebarsCompilerIn(probe.read())).toBe(false);
  });

  it("prints with Puppeteer from its own bundle, or imported when the bundle is of another version", async () => {
    await copyPackage();
    const puppeteerBundle = path.join(copy, "lib", "puppeteer.bundle.cjs");
    const puppeteerCache = `${puppeteerBundle}.v8-cache`;
    rmSync(puppeteerCache, { force: true });
    // The first print runs the bundle without a cache, and makes one.
    const first = build(path.join(copy, "out-puppeteer-1"), true);
    expect(statSync(puppeteerCache).size).toBeGreaterThan(1000);
    const cached = statSync(puppeteerCache).mtimeMs;
    expect(build(path.join(copy, "out-puppeteer-2"), true)).toEqual(first);
    // The second used that cache: it was not rejected and made again.
    expect(statSync(puppeteerCache).mtimeMs).toBe(cached);
    // A bundle made from another version than the one installed is left aside for it.
    rmSync(puppeteerCache);
    writeFileSync(`${puppeteerBundle}.json`, JSON.stringify({ packages: { puppeteer: "0.0.1" } }));
    expect(build(path.join(copy, "out-puppeteer-3"), true)).toEqual(first);
    expect(existsSync(puppeteerCache)).toBe(false);
  }, 120_000);

  it("writes PowerPoint with pptxgenjs from its own bundle, loaded only then", async () => {
    await copyPackage();
    const pptxBundle = path.join(copy, "lib", "pptxgenjs.bundle.cjs");
    const pptxCache = `${pptxBundle}.v8-cache`;
    rmSync(pptxCache, { force: true });
    const pptx = (out: string) => {
      const run = spawnSync(
        process.execPath,
        [path.join(copy, "bin", "briefing.js"), "build", sample, "--no-pdf", "--pptx", "-o", out],
        { encoding: "utf8" },
      );
      expect(run.stderr).toBe("");
      return readFileSync(path.join(out, "putin-kim-summit-2024", "putin-kim-summit-2024.pptx"));
    };
    // A build without it runs no line of pptxgenjs, whose bundle would then make its cache.
    build(path.join(copy, "out-no-pptx"));
    expect(existsSync(pptxCache)).toBe(false);
    const first = pptx(path.join(copy, "out-pptx-1"));
    expect(statSync(pptxCache).size).toBeGreaterThan(1000);
    const cached = statSync(pptxCache).mtimeMs;
    expect(pptx(path.join(copy, "out-pptx-2"))).toEqual(first);
    expect(statSync(pptxCache).mtimeMs).toBe(cached);
    // Another version's bundle is left aside: the real pptxgenjs, and its JSZip, make the same bytes.
    rmSync(pptxCache);
    writeFileSync(`${pptxBundle}.json`, JSON.stringify({ packages: { pptxgenjs: "0.0.1" } }));
    expect(pptx(path.join(copy, "out-pptx-3"))).toEqual(first);
    expect(existsSync(pptxCache)).toBe(false);
  }, 120_000);
});

describe("a copy that cannot load what it needs", () => {
  it("says so in words and exits 3, with no stack trace", () => {
    // Outside the checkout, where no node_modules above it holds the packages lib/ imports.
    const bare = mkdtempSync(path.join(os.tmpdir(), "briefing-bare-"));
    try {
      for (const part of ["bin", "lib", "templates", "schema", "package.json"]) {
        cpSync(part, path.join(bare, part), { recursive: true });
      }
      rmSync(path.join(bare, "lib", "briefing.bundle.cjs"), { force: true });
      const run = spawnSync(process.execPath, [path.join(bare, "bin", "briefing.js"), "--help"], {
        encoding: "utf8",
      });
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/^briefing: cannot start: a package it needs is missing/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
