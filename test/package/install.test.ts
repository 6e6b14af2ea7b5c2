import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import { buildDeck } from "../../src/model/build-deck.js";
import { handlebarsCompilerIn, loadedModules } from "../helpers/loaded-modules.js";
import { pdfInfo, pdfPages } from "../helpers/pdf.js";

// The package as npm gives it to a user: `npm pack` in a copy of this checkout (its prepack
// and prepare rebuild lib/ there, not under the other tests' feet), then the tarball installed
// into an empty folder outside the checkout, without dev dependencies (so nothing can resolve
// from this checkout's node_modules), and its command and library run there. The install is
// the slow part: one serves every case.

const root = path.resolve(".");
const sample = path.join(root, "briefings", "putin-kim-summit-2024.yaml");
const tsc = path.join(root, "node_modules", ".bin", "tsc");

/** A tarball as `npm pack --json` describes it. */
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

// A user's shell has none of the variables npm sets for the script running these tests (the
// project's prefix among them); the ones that say where packages come from are kept.
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !/^(npm_|init_cwd$)/i.test(name) || /^npm_config_(cache|registry|userconfig)$/i.test(name),
  ),
);

let work: string;
let app: string;
let packed: Packed;
let briefing: string;
// No browser Puppeteer may have downloaded elsewhere: the installed command finds the system's.
let runEnv: NodeJS.ProcessEnv;
const seconds: Record<string, string> = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "briefing-package-"));
  const checkout = path.join(work, "checkout");
  copyCheckout(checkout);
  const out = path.join(work, "out");
  mkdirSync(out);
  packed = timed("pack", () => {
    const stdout = npm(["pack", "--json", "--pack-destination", out], checkout);
    return (JSON.parse(stdout) as Packed[])[0] as Packed;
  });
  app = path.join(work, "app");
  mkdirSync(app);
  writeFileSync(path.join(app, "package.json"), '{ "private": true }\n');
  const install = ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"];
  // Puppeteer's install script would download a Chrome of its own (see README).
  const skipDownload = { PUPPETEER_SKIP_DOWNLOAD: "1" };
  timed("install", () => npm([...install, path.join(out, packed.filename)], app, skipDownload));
  briefing = path.join(app, "node_modules", ".bin", "briefing");
  runEnv = { ...userEnv, PUPPETEER_CACHE_DIR: path.join(work, "no-browsers") };
  writeFileSync(path.join(app, "brief.yaml"), readFileSync(sample));
  console.info(`npm pack: ${seconds.pack} s, npm install: ${seconds.install} s`);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** What a clone of this checkout would hold, with the edits not yet committed. */
function copyCheckout(to: string) {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  for (const file of listed.split("\0")) {
    // The node_modules link is not a folder, which is all .gitignore leaves out.
    if (!file || file === "node_modules" || !existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(to, file));
  }
  // The build's own tools (tsc, esbuild) come from here, as they would after `npm install`.
  symlinkSync(realpathSync(path.join(root, "node_modules")), path.join(to, "node_modules"));
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const run = spawnSync("npm", args, {
    cwd,
    env: { ...userEnv, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`npm ${args[0]} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    seconds[label] = ((performance.now() - start) / 1000).toFixed(1);
  }
}

function run(command: string, args: string[]) {
  return spawnSync(command, args, { cwd: app, env: runEnv, encoding: "utf8" });
}

/** One page per slide: the deck the brief makes, counted by the code under test. */
async function slideCount(file: string): Promise<number> {
  const loaded = await loadBrief(file);
  return buildDeck(loaded.brief as NonNullable<typeof loaded.brief>, loaded.name).slides.length;
}

describe("the tarball", () => {
  it("holds the command, the compiled library with its types, the templates and the schema", () => {
    const files = new Set(packed.files.map((f) => f.path));
    for (const file of [
      "bin/briefing.js",
      "bin/run-bundle.js",
      "bin/package.json",
      "lib/cli.js",
      "lib/index.js",
      "lib/index.d.ts",
      "lib/briefing.bundle.cjs",
      "lib/briefing.bundle.cjs.json",
      "lib/puppeteer.bundle.cjs",
      "lib/puppeteer.bundle.cjs.json",
      "lib/templates.precompiled.cjs",
      "lib/tool-inputs.json",
      "templates/deck.hbs",
      "templates/new/brief.yaml",
      "templates/serve/live.js",
      "templates/theme/theme.css",
      "schema/brief.schema.json",
      "schema/config.schema.json",
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it("holds nothing for development", () => {
    const extra = packed.files
      .map((f) => f.path)
      .filter(
        (file) =>
          !/^(bin|lib|templates|schema)\//.test(file) &&
          !["package.json", "README.md"].includes(file),
      );
    expect(extra).toEqual([]);
    // Source maps would point at src/, which is not shipped; a code cache is made for the
    // Node that made it, and the command writes its own.
    const built = packed.files.map((f) => f.path).filter((f) => f.startsWith("lib/"));
    expect(built.filter((f) => /\.(map|v8-cache)$|(?<!\.d)\.ts$/.test(f))).toEqual([]);
  });

  it("is small", () => {
    // 0.9 MB packed as this was written, three quarters of it the Puppeteer bundle; the
    // pptxgenjs bundle, loaded only for a PowerPoint file, added 0.27 MB unpacked, and the
    // timeline's second edition (lanes, periods, zones, its labels in 13 languages) 40 KB
    // packed, to 1.27 MB.
    expect(packed.size).toBeLessThan(1.4 * 2 ** 20);
    expect(packed.unpackedSize).toBeLessThan(5 * 2 ** 20);
  });
});

describe("the installed command", () => {
  it("builds a brief's deck and PDF, with the system's browser", async () => {
    const built = run(briefing, ["build", "brief.yaml", "--out", "cli"]);
    expect(built.stderr.replace(/^briefing: running as root.*\n/, "")).toBe("");
    expect(built.status).toBe(0);
    const deck = path.join(app, "cli", "brief");
    for (const file of ["index.html", "reveal/reveal.js", "theme/theme.css"]) {
      expect(existsSync(path.join(deck, file)), file).toBe(true);
    }
    const pdf = path.join(deck, "brief.pdf");
    expect(Number(pdfInfo(pdf).Pages)).toBe(await slideCount(sample));
    expect(pdfPages(pdf)[0]).toContain("Putin–Kim summit in Pyongyang");
  });

  it("scales a brief's photo with the sharp it installed", async () => {
    const { default: sharp } = await import("sharp");
    const folder = path.join(app, "with-photo");
    mkdirSync(folder);
    const photo = { width: 3000, height: 2000, channels: 3, background: "#336699" } as const;
    writeFileSync(
      path.join(folder, "photo.jpg"),
      await sharp({ create: photo }).jpeg({ quality: 95 }).toBuffer(),
    );
    const text = readFileSync(sample, "utf8").replace(
      /(\n {4}- date: 1961\n)/,
      "$1      image: photo.jpg\n",
    );
    expect(text).toContain("image: photo.jpg");
    writeFileSync(path.join(folder, "brief.yaml"), text);
    const built = run(briefing, [
      "build",
      path.join(folder, "brief.yaml"),
      "--out",
      "photo-out",
      "--no-pdf",
    ]);
    expect(built.status, built.stderr).toBe(0);
    const copy = readdirSync(path.join(app, "photo-out", "brief", "assets"))[0] as string;
    const scaled = await sharp(path.join(app, "photo-out", "brief", "assets", copy)).metadata();
    // An event's figure is 420 × 460 CSS pixels, carried at twice that.
    expect([scaled.width, scaled.height]).toEqual([840, 560]);
  });

  it("checks a brief, laying it out in the browser", () => {
    // --strict fails (3) when no browser starts, instead of only validating.
    const checked = run(briefing, ["check", "brief.yaml", "--strict"]);
    expect(checked.status).toBe(0);
    expect(checked.stderr.replace(/^briefing: running as root.*\n/, "")).toBe("1 brief valid\n");
  });
});

describe("the installed command's own speed-ups", () => {
  // npm gives each file it unpacks the time it was written, in no fixed order, so lib/cli.js or
  // a template may come out newer than what was built from it: none of that is an edit.
  const installed = () => path.join(app, "node_modules", "briefing");
  const codeCache = () => path.join(installed(), "lib", "briefing.bundle.cjs.v8-cache");

  /** `build --no-pdf` of the brief: the CommonJS modules the process loaded, the build's hash. */
  function buildDeck(out: string) {
    const probe = loadedModules(work, out);
    const args = ["build", "brief.yaml", "--no-pdf", "--force", "--out", out];
    const env = { ...runEnv, ...probe.env };
    const built = spawnSync(briefing, args, { cwd: app, env, encoding: "utf8" });
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const manifest = path.join(app, out, "brief", ".briefing-build.json");
    return {
      modules: probe.read(),
      inputs: (JSON.parse(readFileSync(manifest, "utf8")) as { inputs: string }).inputs,
    };
  }

  it("runs from its bundle, with the code cache it makes on the first run", () => {
    buildDeck("speed-bundle");
    expect(existsSync(codeCache())).toBe(true);
  });

  it("renders with the templates precompiled when the package was built", () => {
    const { modules } = buildDeck("speed-templates");
    expect(modules).toContain(path.join(realpathSync(installed()), "bin", "briefing.js"));
    expect(handlebarsCompilerIn(modules)).toBe(false);
  });

  it("takes the hash of its own inputs from the one recorded when the package was built", () => {
    const recorded = path.join(installed(), "lib", "tool-inputs.json");
    const original = readFileSync(recorded, "utf8");
    const { inputs } = buildDeck("speed-hash");
    try {
      const { hash } = JSON.parse(original) as { hash: string };
      writeFileSync(recorded, original.replace(hash, "0".repeat(64)));
      expect(buildDeck("speed-hash-changed").inputs).not.toBe(inputs);
    } finally {
      writeFileSync(recorded, original);
    }
  });
  it("goes without the code cache, quietly, where its package's folder is read-only", () => {
    // A global install by root, run by a user who cannot write to it: as root, the user nobody.
    const lib = path.join(installed(), "lib");
    const out = path.join(work, "read-only-out");
    const build = [briefing, "build", "brief.yaml", "--no-pdf", "--force", "--out", out];
    const nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
    const [command, ...args] = process.getuid?.() === 0 ? [...nobody, ...build] : build;
    mkdirSync(out);
    chmodSync(out, 0o777);
    chmodSync(work, 0o755);
    rmSync(codeCache(), { force: true });
    chmodSync(lib, 0o555);
    try {
      for (const _ of [1, 2]) {
        const built = run(command as string, args);
        expect(built.stderr).toBe("");
        expect(built.status).toBe(0);
        expect(existsSync(path.join(out, "brief", "index.html"))).toBe(true);
      }
      // No cache, and no half-written one left behind by an attempt.
      expect(
        readdirSync(lib).filter((file) => file.startsWith("briefing.bundle.cjs.v8-cache")),
      ).toEqual([]);
    } finally {
      chmodSync(lib, 0o755);
    }
  });
});

describe("the installed library", () => {
  // The README's example, as it is written there.
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const example = /^## Library\n[\s\S]*?^```js\n([\s\S]*?)^```/m.exec(readme)?.[1] ?? "";

  it("runs the README's example: load, validate, render, PDF", async () => {
    expect(example).toContain('from "briefing"');
    writeFileSync(path.join(app, "example.mjs"), example);
    const ran = run(process.execPath, ["example.mjs", "brief.yaml"]);
    expect(ran.status, ran.stderr).toBe(0);
    const [, characters, pdf] = /^(\d+) characters of HTML; (.+\.pdf)$/m.exec(ran.stdout) ?? [];
    expect(Number(characters)).toBeGreaterThan(10_000);
    expect(Number(pdfInfo(path.join(app, pdf as string)).Pages)).toBe(await slideCount(sample));
  });

  it("declares types the example type-checks against", () => {
    writeFileSync(path.join(app, "typed-example.mjs"), example);
    // Node's own types come from this checkout; the package's, Puppeteer's and zod's from the
    // installed folder, through the package's `exports`.
    const types = path.join(root, "node_modules", "@types");
    const options = ["--noEmit", "--allowJs", "--checkJs", "--strict", "--target", "es2022"];
    const resolution = ["--module", "nodenext", "--moduleResolution", "nodenext"];
    const checked = run(tsc, [
      ...options,
      ...resolution,
      ...["--types", "node", "--typeRoots", types],
      "typed-example.mjs",
    ]);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
  });
});
