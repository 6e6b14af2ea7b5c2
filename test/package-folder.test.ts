import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageFolder } from "../src/package-folder.js";

const require = createRequire(import.meta.url);

describe("packageFolder", () => {
  it("finds the folder Node's own resolution finds", () => {
    expect(path.join(packageFolder("reveal.js"), "dist", "reveal.js")).toBe(
      require.resolve("reveal.js"),
    );
    expect(path.join(packageFolder("@fontsource/source-sans-3"), "package.json")).toBe(
      require.resolve("@fontsource/source-sans-3/package.json"),
    );
  });

  it("says which package is missing, as a fault of the install (exit 3), not of briefing", () => {
    expect(() => packageFolder("no-such-package-here")).toThrow(/no-such-package-here/);
    expect(() => packageFolder("no-such-package-here")).toThrow(
      expect.objectContaining({
        kind: "environment",
        message: expect.stringContaining("npm install"),
      }),
    );
  });
});
