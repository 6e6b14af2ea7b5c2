import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.js";

const brief = `title: On the project's yardstick
date: 2024-06-19
timeline:
  events:
    - date: 2024-06-19
      title: Summit in Pyongyang
sections:
  - type: judgments
    title: Judgments
    items:
      - statement: A term of PHIA's, not of ICD 203.
        likelihood: Highly likely
        confidence: high
`;

const briefing = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [path.resolve("bin/briefing.js"), ...args], {
    cwd,
    encoding: "utf8",
  });

describe("yardstick: in the config file", () => {
  it("is the yardstick of every brief that names none, in check and in build", async () => {
    const work = await tempDir("config-yardstick");
    writeFileSync(path.join(work, "brief.yaml"), brief);
    writeFileSync(path.join(work, "briefing.config.yaml"), "yardstick: phia\n");
    expect(briefing(["check", "--no-browser", "brief.yaml"], work).status).toBe(0);
    const built = briefing(["build", "--no-pdf", "brief.yaml"], work);
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(path.join(work, "dist", "brief", "index.html"), "utf8");
    expect(html).toContain("Highly likely · 80–90 %");
    expect(html).toContain("PHIA probability yardstick");

    // Without it, the brief is on ICD 203, and the term is PHIA's.
    rmSync(path.join(work, "briefing.config.yaml"));
    const checked = briefing(["check", "--no-browser", "brief.yaml"], work);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(/brief\.yaml:12:21: "Highly likely" is a term of the PHIA/);
  });

  it("is refused when it names no yardstick, with a did-you-mean", async () => {
    const work = await tempDir("config-yardstick");
    writeFileSync(path.join(work, "brief.yaml"), brief);
    writeFileSync(path.join(work, "briefing.config.yaml"), "yardstick: phai\n");
    const checked = briefing(["check", "--no-browser", "brief.yaml"], work);
    expect(checked.status).toBe(2);
    expect(checked.stderr).toMatch(/briefing\.config\.yaml:1:12: .*did you mean "phia"\?/);
  });
});
