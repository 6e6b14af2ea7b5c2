import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.js";

const sample = "briefings/putin-kim-summit-2024.yaml";

function briefing(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ["bin/briefing.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe("briefing check", () => {
  it("exits 0 for a valid brief", () => {
    const run = briefing(["check", sample]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("prints every problem as path:line:col: message and exits 1", () => {
    const file = path.join("test", "fixtures", "invalid", "many-problems.yaml");
    const run = briefing(["check", file]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    for (const line of lines)
      expect(line).toMatch(/^test\/fixtures\/invalid\/many-problems\.yaml:\d+:\d+: \S/);
    expect(lines[1]).toContain('did you mean "title"');
    noStackTrace(run.stderr);
  });

  it("checks every brief in a folder", () => {
    const run = briefing(["check", "test/fixtures/invalid"]);
    expect(run.status).toBe(1);
    const files = new Set(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => line.split(":")[0]),
    );
    expect(files.size).toBe(
      readdirSync("test/fixtures/invalid").filter((f) => f.endsWith(".yaml")).length,
    );
  });
});

describe("wrong usage exits 2 with a message, never a stack trace", () => {
  for (const args of [
    [],
    ["frobnicate"],
    ["build"],
    ["check", "no/such/file.yaml"],
    ["build", sample, "--colour"],
    ["build", sample, "--timeout", "0"],
    ["check", sample, "--timeout", "soon"],
  ]) {
    it(`briefing ${args.join(" ")}`, () => {
      const run = briefing(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^briefing: /);
      noStackTrace(run.stderr);
    });
  }

  it("--help prints usage and exits 0", () => {
    const run = briefing(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("briefing build <file-or-folder>");
  });
});

describe("briefing build", () => {
  it("--quiet prints nothing for a good build: not even that Chromium runs without its sandbox", async () => {
    const out = await tempDir("quiet");
    const run = briefing(["build", sample, "--out", out, "-q"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
  });

  it("exits 3 with a way forward when the named browser does not exist", async () => {
    const out = await tempDir("no-browser");
    const run = briefing(["build", sample, "--out", out], {
      BRIEFING_BROWSER: "/nonexistent/chrome",
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("BRIEFING_BROWSER");
    noStackTrace(run.stderr);
  });

  it("exits 3 when the output folder cannot be written", async () => {
    const out = await tempDir("blocked");
    const blocker = path.join(out, "file");
    writeFileSync(blocker, "not a folder");
    const run = briefing(["build", sample, "--no-pdf", "--out", path.join(blocker, "dist")]);
    expect(run.status).toBe(3);
    noStackTrace(run.stderr);
  });

  it("never destroys the previous good output when a brief turns bad", async () => {
    const work = await tempDir("keep");
    const brief = path.join(work, "brief.yaml");
    const out = path.join(work, "dist");
    copyFileSync(sample, brief);
    expect(briefing(["build", brief, "--no-pdf", "--out", out]).status).toBe(0);
    const index = path.join(out, "brief", "index.html");
    const before = readFileSync(index);

    writeFileSync(brief, `${readFileSync(sample, "utf8")}\nsections: [\n`);
    const run = briefing(["build", brief, "--no-pdf", "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/brief\.yaml:\d+:\d+: /);
    expect(run.stderr).toContain("previous output is unchanged");
    expect(readFileSync(index).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual(["brief"]);
  });

  it("builds the good briefs of a folder and reports the bad one", async () => {
    const work = await tempDir("batch");
    const briefs = path.join(work, "briefs");
    const out = path.join(work, "dist");
    spawnSync("mkdir", ["-p", briefs]);
    copyFileSync(sample, path.join(briefs, "good.yaml"));
    copyFileSync("test/fixtures/invalid/bad-date.yaml", path.join(briefs, "bad.yaml"));
    const run = briefing(["build", briefs, "--no-pdf", "--out", out]);
    expect(run.status).toBe(1);
    expect(existsSync(path.join(out, "good", "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "bad"))).toBe(false);
    expect(run.stderr).toMatch(/bad\.yaml:5:13: /);
  });

  it("writes a self-contained deck with relative paths", async () => {
    const out = await tempDir("files");
    expect(briefing(["build", sample, "--no-pdf", "--out", out]).status).toBe(0);
    const deck = path.join(out, "putin-kim-summit-2024");
    const html = readFileSync(path.join(deck, "index.html"), "utf8");
    const refs = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1] as string);
    const local = refs.filter((ref) => !/^(https?|mailto):/.test(ref));
    expect(local.length).toBeGreaterThan(3);
    for (const ref of local) {
      expect(ref.startsWith("/")).toBe(false);
      expect(existsSync(path.join(deck, ref)), ref).toBe(true);
    }
    expect(html).not.toContain(path.resolve("."));
  });
});

describe("briefing build, many briefs", () => {
  it("reports the broken brief, builds the others, exits 1; skips unchanged ones next time", async () => {
    const work = await tempDir("cli-batch");
    const briefs = path.join(work, "briefs");
    const out = path.join(work, "dist");
    spawnSync("mkdir", ["-p", briefs]);
    for (const name of ["a", "b"]) copyFileSync(sample, path.join(briefs, `${name}.yaml`));
    copyFileSync("test/fixtures/invalid/bad-date.yaml", path.join(briefs, "broken.yaml"));

    const quiet = briefing([
      "build",
      briefs,
      "--no-pdf",
      "--single-file",
      "--quiet",
      "-j",
      "2",
      "--out",
      out,
    ]);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toMatch(/broken\.yaml:5:13: /);
    // Not a terminal: no progress line.
    expect(quiet.stderr).not.toContain("\r");
    for (const name of ["a", "b"])
      expect(existsSync(path.join(out, name, `${name}.html`))).toBe(true);

    rmSync(path.join(briefs, "broken.yaml"));
    const again = briefing(["build", briefs, "--no-pdf", "--single-file", "--out", out]);
    expect(again.status).toBe(0);
    expect(again.stdout.match(/unchanged since its last build/g)).toHaveLength(2);
    expect(again.stderr).toContain("0 briefs built, 2 unchanged");
    const forced = briefing([
      "build",
      briefs,
      "--no-pdf",
      "--single-file",
      "--force",
      "--out",
      out,
    ]);
    expect(forced.stdout).not.toContain("unchanged");
    expect(forced.stdout.match(/→/g)).toHaveLength(2);
  });

  it("refuses a concurrency that is not a whole number", () => {
    const run = briefing(["build", sample, "--concurrency", "many"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--concurrency");
  });
});
