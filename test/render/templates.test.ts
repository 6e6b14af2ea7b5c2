import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { templatesDir } from "../../src/render/templates.js";

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

describe("escaping stays on", () => {
  it("no template uses triple braces or {{& }}, which would skip escaping", () => {
    const templates = files(templatesDir, ".hbs");
    expect(templates.length).toBeGreaterThan(10);
    for (const file of templates) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(/\{\{\{|\{\{~?\s*&/);
    }
  });

  it("no source file turns escaping off or marks text as safe HTML", () => {
    for (const file of files("src", ".ts")) {
      expect(readFileSync(file, "utf8"), file).not.toMatch(
        /SafeString|noEscape|\.compile\([^)]*brief/,
      );
    }
  });
});
