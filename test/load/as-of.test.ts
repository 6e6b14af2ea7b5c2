import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBrief, validateBrief } from "../../src/load/load-brief.js";
import { startCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const fixture = "test/fixtures/warnings/after-as-of.yaml";

describe("events after the brief's as-of date", () => {
  it("are warnings at the event's date, and the brief stays valid", async () => {
    const loaded = await loadBrief(fixture);
    expect(loaded.problems).toEqual([]);
    expect(loaded.brief).toBeDefined();
    expect(loaded.warnings.map((w) => [w.code, `${w.pos.line}:${w.pos.col}`])).toEqual([
      ["event-after-as-of", "9:13"],
      ["event-after-as-of", "12:28"],
    ]);
    expect(loaded.warnings[1]?.message).toBe(
      "this event (2024-06-21) is dated after the brief's as-of date (2024-06-20)",
    );
    expect(loaded.warnings[1]?.path).toEqual(["timeline", "events", 3, "date"]);
  });

  it("count from the end of an as-of month or year, and across offsets", async () => {
    const brief = (asOf: string, event: string) =>
      `title: T\ndate: ${asOf}\ntimeline:\n  events:\n    - date: ${event}\n      title: E\n`;
    const warned = async (asOf: string, event: string) =>
      (await validateBrief("b.yaml", brief(asOf, event))).warnings.length > 0;
    expect(await warned("2024-06", "2024-06-30")).toBe(false);
    expect(await warned("2024-06", "2024-07-01")).toBe(true);
    expect(await warned("2024", "2024-12-31T23:59Z")).toBe(false);
    // 08:00 in Seoul on the 21st is still the 20th in UTC.
    expect(await warned("2024-06-20", "2024-06-21T08:00+09:00")).toBe(false);
    expect(await warned("2024-06-20", "2024-06-21T10:00+09:00")).toBe(true);
  });
});

describe("the as-of warning on the command line", () => {
  const warnings = (text: string) => text.split("\n").filter((l) => l.includes(": warning: "));
  const expected = [
    `${fixture}:9:13: warning: this event (2024-07) is dated after the brief's as-of date (2024-06-20)`,
    `${fixture}:12:28: warning: this event (2024-06-21) is dated after the brief's as-of date (2024-06-20)`,
  ];

  it("check prints it as a warning, in JSON too, and fails only with --strict", async () => {
    const plain = await startCli(["check", "--no-browser", fixture]).done;
    expect(warnings(plain.stdout)).toEqual(expected);
    expect(plain.status).toBe(0);
    const json = await startCli(["check", "--no-browser", "--format", "json", fixture]).done;
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(true);
    expect(
      report.problems.map((p: Record<string, unknown>) => [p.severity, p.code, p.line, p.col]),
    ).toEqual([
      ["warning", "event-after-as-of", 9, 13],
      ["warning", "event-after-as-of", 12, 28],
    ]);
    const strict = await startCli(["check", "--strict", fixture]).done;
    expect(warnings(strict.stdout)).toEqual(expected);
    expect(strict.status).toBe(1);
  });

  it("build prints it, builds, and fails only with --strict; an unchanged build says it again", async () => {
    const out = await tempDir("as-of");
    const built = await startCli(["build", fixture, "--out", out, "--no-pdf", "-q"]).done;
    expect(warnings(built.stderr)).toEqual(expected);
    expect(built.status).toBe(0);
    expect(existsSync(path.join(out, "after-as-of", "index.html"))).toBe(true);
    const again = await startCli(["build", fixture, "--out", out, "--no-pdf"]).done;
    expect(again.stdout).toContain("unchanged since its last build");
    expect(warnings(again.stderr)).toEqual(expected);
    expect(again.status).toBe(0);
    const strict = await startCli(["build", fixture, "--out", out, "--no-pdf", "--strict"]).done;
    expect(warnings(strict.stderr)).toEqual(expected);
    expect(strict.stderr).toContain("1 brief with warnings (--strict: failed");
    expect(strict.status).toBe(1);
  }, 60_000);
});
