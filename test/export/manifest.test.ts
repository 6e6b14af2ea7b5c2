import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtToolHash, builtToolHashData } from "../../src/export/manifest.js";
import { tempDir } from "../helpers/temp.js";

describe("the tool's own inputs, hashed when the package is built", () => {
  it("names the versions, every template folder and every template file", () => {
    const { hash, paths } = builtToolHashData();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(paths).toContain("package.json");
    expect(paths.some((p) => p.endsWith(path.join("reveal.js", "package.json")))).toBe(true);
    expect(paths).toContain(path.join("templates", "partials"));
    expect(paths).toContain(path.join("templates", "theme", "theme.css"));
  });

  it("is used until a file or folder it was made from is newer than it", async () => {
    const work = await tempDir("tool-hash");
    const folder = path.join(work, "templates");
    const file = path.join(folder, "deck.hbs");
    await mkdir(folder);
    await writeFile(file, "{{title}}");
    const stamp = path.join(work, "tool-inputs.json");
    const past = new Date(Date.now() - 60_000);
    await utimes(folder, past, past);
    await utimes(file, past, past);
    await writeFile(stamp, JSON.stringify({ hash: "built", paths: [folder, file] }));
    expect(builtToolHash(stamp)).toBe("built");

    // An edited template (a later time), an added or removed one (a later time of its folder).
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(builtToolHash(stamp)).toBeUndefined();
    await utimes(file, past, past);
    await utimes(folder, later, later);
    expect(builtToolHash(stamp)).toBeUndefined();
    await utimes(folder, past, past);
    await rm(file);
    expect(builtToolHash(stamp)).toBeUndefined();
    expect(builtToolHash(path.join(work, "missing.json"))).toBeUndefined();
  });
});
