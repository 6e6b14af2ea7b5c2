import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config.js";
import { loadBrief } from "../../src/load/load-brief.js";
import { tempDir } from "../helpers/temp.js";

// What a new user got wrong first, and what the message says to write instead.

const sample = readFileSync("briefings/putin-kim-summit-2024.yaml", "utf8");

async function messages(text: string, files: string[] = []): Promise<string[]> {
  const dir = await tempDir("hints");
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), "x");
  }
  const brief = path.join(dir, "brief.yaml");
  writeFileSync(brief, text);
  return (await loadBrief(brief)).problems.map((p) => p.message);
}

describe("hints", () => {
  it("a time zone written by its abbreviation: the zone or the offset to write", async () => {
    const text = sample.replace("- date: 1961", '- date: "2024-06-19T07:10 KST"');
    expect(text).not.toBe(sample);
    const [message] = await messages(text);
    expect(message).toContain(
      'write the zone\'s IANA name ("2024-06-19T07:10 Asia/Seoul") or its offset ("2024-06-19T07:10+09:00")',
    );
  });

  it("an abbreviation of more than one zone: each zone it may be, and what to write", async () => {
    const text = sample.replace("- date: 1961", '- date: "2025-03-03T10:00 CST"');
    expect(text).not.toBe(sample);
    const [message] = await messages(text);
    expect(message).toContain("CST, which is Asia/Shanghai (+08:00) or America/Chicago (-06:00)");
    expect(message).toContain('its offset ("2025-03-03T10:00+08:00")');
  });

  it("an approximate date written in the date: the approx key to use", async () => {
    const text = sample.replace("- date: 1961", "- date: mid 2024-06");
    const [message] = await messages(text);
    expect(message).toContain('write "2024-06" as the date and "approx: mid" beside it');
  });

  it("medium confidence: the word the format uses", async () => {
    const text = sample.replace("confidence: moderate", "confidence: medium");
    expect(text).not.toBe(sample);
    const [message] = await messages(text);
    expect(message).toMatch(/not one of low, moderate, high; did you mean "moderate"\?$/);
  });

  it("an importance in other words or in capitals: the word the format uses", async () => {
    const at =
      "      title: Putin arrives in Pyongyang\n      location: Pyongyang\n      importance: high\n";
    expect(sample).toContain(at);
    for (const [written, meant] of [
      ["medium", "normal"],
      ["critical", "high"],
      ["minor", "low"],
      ["High", "high"],
    ]) {
      const [message] = await messages(
        sample.replace(at, at.replace("importance: high", `importance: ${written}`)),
      );
      expect(message).toBe(
        `"timeline.events[7].importance" is "${written}", not one of high, normal, low; did you mean "${meant}"?`,
      );
    }
  });

  it("a missing image with one of another extension beside it", async () => {
    const text = sample.replace("- date: 1961\n", "- date: 1961\n      image: photos/launch.png\n");
    expect(text).not.toBe(sample);
    const [message] = await messages(text, ["photos/launch.jpg", "photos/other.webp"]);
    expect(message).toMatch(
      /^no image at "photos\/launch\.png" .*; did you mean "photos\/launch\.jpg"\?$/,
    );
    const [far] = await messages(text, ["photos/unrelated-name.jpg"]);
    expect(far).not.toContain("did you mean");
  });
});

describe("config file mistakes", () => {
  it("a key that only adds to a known one gets it offered (outdir for out)", async () => {
    const work = await tempDir("config-hint");
    writeFileSync(path.join(work, "briefing.config.yaml"), "outdir: x\n");
    const error = await resolveConfig({}, [work]).catch((e) => e);
    expect(error.message).toMatch(/did you mean "out"/);
  });

  it("is named by a path that reads well, and gets no command-line hint", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "briefing-config-path-"));
    writeFileSync(path.join(work, "briefing.config.yaml"), "clasification: SECRET\n");
    writeFileSync(path.join(work, "b.yaml"), sample);
    const run = spawnSync(process.execPath, ["bin/briefing.js", "check", "--no-browser", work], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    // Outside the current folder: the whole path, not a climb of ../../..
    expect(run.stderr).toContain(`\n${path.join(work, "briefing.config.yaml")}:1:1: `);
    expect(run.stderr).not.toContain("--help");
    rmSync(work, { recursive: true, force: true });
  });
});
