import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp.js";

// scripts/bundle.mjs runs on a copy of the package, with lib/ as built; node_modules is found
// above the copy.
async function copyPackage(): Promise<string> {
  const copy = await tempDir("bundle");
  for (const part of ["bin", "lib", "scripts", "templates", "schema", "package.json"]) {
    cpSync(part, path.join(copy, part), { recursive: true });
  }
  return copy;
}

describe("scripts/bundle.mjs", () => {
  it("refuses a module other than lib/paths.js that finds files from its own import.meta", async () => {
    const copy = await copyPackage();
    appendFileSync(
      path.join(copy, "lib", "new-brief.js"),
      '\nexport const beside = new URL("../templates/", import.meta.url);\n',
    );
    const run = spawnSync(process.execPath, [path.join(copy, "scripts", "bundle.mjs")], {
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("new-brief.js reads import.meta");
  });
});
