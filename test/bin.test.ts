import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.js";

// bin/briefing.js runs lib/briefing.bundle.cjs with its V8 code cache, or lib/*.js without
// them. Each case runs a copy of the package (bin/, lib/, templates/, schema/), so that the
// cache can be spoiled without touching the one the other tests use; node_modules is found
// above the copy.

const sample = path.resolve("briefings/putin-kim-summit-2024.yaml");
let copy: string;
let bundle: string;
let cache: string;

function build(out: string) {
  const run = spawnSync(
    process.execPath,
    [path.join(copy, "bin", "briefing.js"), "build", sample, "--no-pdf", "--force", "-o", out],
    { encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const deck = path.join(out, "putin-kim-summit-2024");
  return ["index.html", ".briefing-build.json"].map((f) => readFileSync(path.join(deck, f)));
}

beforeAll(async () => {
  copy = await tempDir("bin");
  for (const part of ["bin", "lib", "templates", "schema", "package.json"]) {
    cpSync(part, path.join(copy, part), { recursive: true, preserveTimestamps: true });
  }
  bundle = path.join(copy, "lib", "briefing.bundle.cjs");
  cache = `${bundle}.v8-cache`;
});

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
});
