import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.js";

// Inputs that are not what a brief should be reach the user as `path:line:col: message` lines
// with the tool's own words, exit 1, in the time it takes to read them: never a hang, never
// Node's or the yaml library's wording.

const sample = "briefings/putin-kim-summit-2024.yaml";
const foreignWording = /EISDIR|copyfile|YAML\.|mapAsMap|parseAllDocuments|Warning:|^\s+at /m;

function briefing(args: string[]) {
  const result = spawnSync(process.execPath, ["bin/briefing.js", ...args], {
    encoding: "utf8",
    // The tool stops on SIGTERM by itself; one stuck reading would not.
    timeout: 20_000,
    killSignal: "SIGKILL",
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

describe("briefs that cannot be read as briefs", () => {
  it("a named pipe is refused at once, not waited on", async () => {
    const dir = await tempDir("cli-pipe");
    const pipe = path.join(dir, "pipe.yaml");
    execFileSync("mkfifo", [pipe]);
    const run = briefing(["check", "--no-browser", pipe]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `${pipe}:1:1: this is not a regular file (a named pipe or a device?)\n`,
    );
  });

  it("several documents and keys that are mappings, each at its line, as JSON too", async () => {
    const dir = await tempDir("cli-yaml");
    const file = path.join(dir, "two.yaml");
    writeFileSync(file, "title: a\n---\ntitle: b\n");
    const keyed = path.join(dir, "keyed.yaml");
    writeFileSync(keyed, "title: a\n{a: 1}: x\n");
    const run = briefing(["check", "--no-browser", "--format", "json", file, keyed]);
    expect(run.status).toBe(1);
    const problems = JSON.parse(run.stdout).problems.map(
      (p: { file: string; line: number; col: number; code: string }) =>
        `${path.basename(p.file)}:${p.line}:${p.col} ${p.code}`,
    );
    expect(problems).toEqual(["two.yaml:2:1 yaml-syntax", "keyed.yaml:2:1 yaml-syntax"]);
    expect(run.stdout + run.stderr).not.toMatch(foreignWording);
  });
});

describe("an image path that names a folder", () => {
  it("is a problem at its line, not a failed copy", async () => {
    const dir = await tempDir("cli-image-folder");
    mkdirSync(path.join(dir, "photos"));
    copyFileSync("test/fixtures/valid/photos/dot.png", path.join(dir, "photos", "dot.png"));
    const text = readFileSync(sample, "utf8").replace(
      /(\n {4}- date: 1961\n)/,
      '$1      image: "photos/dot.png/"\n',
    );
    const file = path.join(dir, "brief.yaml");
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("photos/dot.png/")) + 1;
    const run = briefing(["build", "--no-pdf", "--out", path.join(dir, "out"), file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^${file}:${line}:\\d+: "photos/dot\\.png/" ends in "/"`, "m"),
    );
    expect(run.stderr).not.toMatch(foreignWording);
  });
});
