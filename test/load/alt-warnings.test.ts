import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { severityOf } from "../../src/errors.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const bare = "test/fixtures/valid/no-alt.yaml";
const described = "test/fixtures/valid/with-images.yaml";

const warnings = (text: string) => text.split("\n").filter((l) => l.includes(": warning: "));

describe("images without alt", () => {
  it("are warnings at each image, event, image section and actor's photo alike", async () => {
    const loaded = await loadBrief(bare);
    expect(loaded.problems).toEqual([]);
    expect(loaded.brief).toBeDefined();
    expect(loaded.warnings.map((w) => [w.code, `${w.pos.line}:${w.pos.col}`, w.path])).toEqual([
      ["missing-alt", "9:14", ["timeline", "events", 0, "image"]],
      ["missing-alt", "14:10", ["sections", 0, "src"]],
      ["missing-alt", "20:60", ["sections", 1, "people", 0, "image"]],
    ]);
    expect(loaded.warnings.every((w) => severityOf(w) === "warning")).toBe(true);
  });

  it("are not warned about once each image has its alt; a caption alone is no description", async () => {
    expect((await loadBrief(described)).warnings).toEqual([]);
    const loaded = await loadBrief(bare);
    // The image section has a caption, and is still warned about.
    expect(loaded.warnings.some((w) => w.path[0] === "sections" && w.path[2] === "src")).toBe(true);
  });

  it("leave check's status at 0, and fail it with --strict", async () => {
    const plain = await startCli(["check", "--no-browser", bare]).done;
    expect(warnings(plain.stdout)).toHaveLength(3);
    expect(warnings(plain.stdout)[0]).toBe(
      `${bare}:9:14: warning: this image has no "alt": describe it in a few words beside it (alt: …), for readers who cannot see it`,
    );
    expect(plain.status).toBe(0);
    const strict = await startCli(["check", "--no-browser", "--strict", bare]).done;
    expect(warnings(strict.stdout)).toEqual(warnings(plain.stdout));
    expect(strict.status).toBe(1);
    const json = await startCli(["check", "--no-browser", "--format", "json", bare]).done;
    const report = JSON.parse(json.stdout);
    expect(report.problems.map((p: { severity: string; code: string }) => p.code)).toEqual([
      "missing-alt",
      "missing-alt",
      "missing-alt",
    ]);
    expect(report.problems[0].severity).toBe("warning");
  }, 60_000);

  it("leave build's status at 0, and fail it with --strict, the deck still written", async () => {
    const out = await tempDir("no-alt");
    const built = await startCli(["build", bare, "--out", out, "--no-pdf", "-q"]).done;
    expect(warnings(built.stderr)).toHaveLength(3);
    expect(built.status).toBe(0);
    const strict = await startCli(["build", bare, "--out", out, "--no-pdf", "--strict"]).done;
    expect(warnings(strict.stderr)).toEqual(warnings(built.stderr));
    expect(strict.status).toBe(1);
    expect(existsSync(path.join(out, "no-alt", "index.html"))).toBe(true);
  }, 60_000);
});
