import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.js";

const bin = path.resolve("bin/briefing.js");
const overflow = "test/fixtures/layout/overflow.yaml";

function briefing(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("briefing check with eyes", () => {
  it("warns about an overflowing slide by title and line, and exits 0 without --strict", () => {
    const run = briefing(["check", overflow]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^test\/fixtures\/layout\/overflow\.yaml:11:5: warning: slide 4 "Far too much to say" does not fit/,
    );
  });

  it("fails on it with --strict, and prints it as JSON with --format json", () => {
    const run = briefing(["check", "--strict", "--format", "json", overflow]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: overflow,
        line: 11,
        col: 5,
        severity: "warning",
        code: "overflow",
        path: ["sections", 1],
      }),
    ]);
    expect(report.problems[0].message).toContain('"Far too much to say"');
  });

  it("JSON says which briefs were laid out: never an invalid one", () => {
    const invalid = "test/fixtures/invalid/bad-date.yaml";
    const run = briefing(["check", "--format", "json", overflow, invalid]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.layoutChecked).toBe(false);
    expect(report.briefs).toEqual([
      { file: overflow, valid: true, layoutChecked: true },
      { file: invalid, valid: false, layoutChecked: false },
    ]);
  });

  it("--no-browser only validates, and JSON lists errors with their positions", () => {
    const run = briefing([
      "check",
      "--no-browser",
      "--format",
      "json",
      overflow,
      "test/fixtures/invalid/bad-date.yaml",
    ]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.layoutChecked).toBe(false);
    expect(report.briefs).toEqual([
      { file: overflow, valid: true, layoutChecked: false },
      { file: "test/fixtures/invalid/bad-date.yaml", valid: false, layoutChecked: false },
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({ severity: "error", code: "bad-date", line: 5, col: 13 }),
    ]);
  });

  it("without a browser, only validates and says so; --strict then exits 3", () => {
    const env = { ...process.env, BRIEFING_BROWSER: "/nonexistent/chrome" };
    const run = (args: string[]) =>
      spawnSync(process.execPath, [bin, "check", ...args, overflow], { encoding: "utf8", env });
    const plain = run([]);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain("slides not laid out");
    expect(run(["--strict"]).status).toBe(3);
  });

  it("refuses an unknown --format", () => {
    expect(briefing(["check", "--format", "xml", overflow]).status).toBe(2);
  });
});

describe("briefing build with eyes", () => {
  it("builds a brief with an overflowing slide, and prints the overflow as a warning", async () => {
    const out = await tempDir("build-warn");
    const run = briefing(["build", overflow, "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/overflow\.yaml:11:5: warning: slide 4 "Far too much to say"/);
    expect(existsSync(path.join(out, "overflow", "overflow.pdf"))).toBe(true);
  });
});

describe("briefing new", () => {
  it("writes a brief that starts with the schema line, passes check --strict and builds", async () => {
    const work = await tempDir("new");
    const made = briefing(["new", "border-talks"], work);
    expect(made.status).toBe(0);
    const file = path.join(work, "briefings", "border-talks.yaml");
    const text = readFileSync(file, "utf8");
    const first = text.split("\n")[0] as string;
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+brief\.schema\.json$/);
    const schema = path.resolve(path.dirname(file), first.split("$schema=")[1] as string);
    expect(schema).toBe(path.resolve("schema/brief.schema.json"));
    expect(text.match(/(^|\s)# /gm)?.length).toBeGreaterThan(15);

    expect(briefing(["check", "--strict", "briefings/border-talks.yaml"], work).status).toBe(0);
    const built = briefing(["build", "--no-pdf", "briefings"], work);
    expect(built.status).toBe(0);
    expect(existsSync(path.join(work, "dist", "border-talks", "index.html"))).toBe(true);
  });

  it("never overwrites a brief", async () => {
    const work = await tempDir("new-again");
    mkdirSync(path.join(work, "briefings"));
    writeFileSync(path.join(work, "briefings", "mine.yaml"), "keep me\n");
    const run = briefing(["new", "mine"], work);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("already exists");
    expect(readFileSync(path.join(work, "briefings", "mine.yaml"), "utf8")).toBe("keep me\n");
    expect(briefing(["new", "../escape"], work).status).toBe(2);
  });

  it("--dir writes it in another folder, with a schema line that finds the schema from there", async () => {
    const work = await tempDir("new-dir");
    const folder = path.join(work, "desk", "korea");
    const made = briefing(["new", "launch", "--dir", folder], work);
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(folder, "launch.yaml");
    const first = readFileSync(file, "utf8").split("\n")[0] as string;
    const schema = path.resolve(folder, first.split("$schema=")[1] as string);
    expect(schema).toBe(path.resolve("schema/brief.schema.json"));
    expect(existsSync(path.join(work, "briefings"))).toBe(false);
    expect(briefing(["check", "--no-browser", file], work).status).toBe(0);
  });
});

describe("briefing schema", () => {
  it("prints the shipped JSON Schema, or writes it with --out", async () => {
    const shipped = readFileSync("schema/brief.schema.json", "utf8");
    expect(`${briefing(["schema"]).stdout}`).toBe(shipped);
    const out = path.join(await tempDir("schema"), "brief.schema.json");
    expect(briefing(["schema", "--out", out]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(shipped);
  });

  it('prints the config file\'s with "config", and refuses anything else', () => {
    const shipped = readFileSync("schema/config.schema.json", "utf8");
    expect(`${briefing(["schema", "config"]).stdout}`).toBe(shipped);
    expect(briefing(["schema", "briefings"]).status).toBe(2);
  });
});

describe("briefing serve", () => {
  it("serves until Ctrl-C, then closes and exits 0", async () => {
    const child = spawn(process.execPath, [bin, "serve", "briefings", "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const found = /http:\/\/\S+\//.exec(output);
        if (found) resolve(found[0]);
      });
      child.on("exit", () => reject(new Error(`serve exited early: ${output}`)));
    });
    const status = await new Promise<number>((resolve) => {
      get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
    });
    expect(status).toBe(200);
    // A page's reload channel is open, as it would be in a browser.
    const channel = await new Promise<string>((resolve) => {
      get(`${url}__briefing/events?deck=putin-kim-summit-2024&version=0`, (res) => {
        res.once("data", (chunk) => resolve(String(chunk)));
        res.on("error", () => {});
      });
    });
    expect(channel).toMatch(/^event: /);
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGINT");
    // Nothing calls process.exit on this path: the process ends by itself only once the server,
    // its open connections and every file watch are closed.
    expect(await exit).toBe(0);
  });

  it("warns when told to listen beyond this machine", () => {
    const run = spawnSync(process.execPath, [bin, "serve", "no-such-folder", "--host", "0.0.0.0"], {
      encoding: "utf8",
    });
    expect(run.stderr).toContain("warning: serving on 0.0.0.0");
    expect(run.status).toBe(2);
  });
});
