import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/temp.js";

const overflow = "test/fixtures/layout/overflow.yaml";

/** The warning lines of what a command printed. */
const warnings = (text: string) => text.split("\n").filter((l) => l.includes(": warning: "));

async function run(args: string[]) {
  return startCli(args).done;
}

describe("build --strict", () => {
  it("prints the layout warnings as check does, writes the outputs, and exits 1", async () => {
    const out = await tempDir("strict");
    const checked = await run(["check", overflow]);
    const built = await run(["build", overflow, "--out", out, "--strict", "--quiet"]);
    expect(warnings(checked.stdout).length).toBeGreaterThan(0);
    expect(warnings(built.stderr)).toEqual(warnings(checked.stdout));
    expect(built.status).toBe(1);
    expect(existsSync(path.join(out, "overflow", "overflow.pdf"))).toBe(true);

    // Without --strict the same warnings leave the status at 0.
    const plain = await run(["build", overflow, "--out", out, "--force", "--quiet"]);
    expect(warnings(plain.stderr)).toEqual(warnings(checked.stdout));
    expect(plain.status).toBe(0);
  });

  it("looks at the slides of a --no-pdf build too, and keeps their warnings for when it is unchanged", async () => {
    const out = await tempDir("strict-no-pdf");
    // Built without looking: a --strict build after it must look, so it rebuilds.
    const unlooked = await run(["build", overflow, "--out", out, "--no-pdf"]);
    expect(unlooked.stderr).not.toContain("warning:");
    const first = await run(["build", overflow, "--out", out, "--no-pdf", "--strict"]);
    expect(first.stdout).not.toContain("unchanged since its last build");
    expect(first.stderr).toContain("overflow.yaml:11:5: warning:");
    expect(first.status).toBe(1);
    // Unchanged and looked at: kept, and its warnings said again, failing --strict again.
    const again = await run(["build", overflow, "--out", out, "--no-pdf", "--strict"]);
    expect(again.stdout).toContain("unchanged since its last build");
    expect(warnings(again.stderr)).toEqual(warnings(first.stderr));
    expect(again.status).toBe(1);
  });

  it("passes a brief that fits", async () => {
    const out = await tempDir("strict-ok");
    const built = await run([
      "build",
      "briefings/putin-kim-summit-2024.yaml",
      "--out",
      out,
      "--strict",
      "-q",
    ]);
    expect(built.stderr).not.toContain("warning:");
    expect(built.status).toBe(0);
  });
});
