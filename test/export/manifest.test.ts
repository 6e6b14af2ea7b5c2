import { readFileSync } from "node:fs";
import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtToolHash,
  builtToolHashData,
  filesIntact,
  recordFiles,
  type WrittenFile,
} from "../../src/export/manifest.js";
import { packageFolder } from "../../src/package-folder.js";
import { tempDir } from "../helpers/temp.js";

// reveal.js and pptxgenjs as the code under test finds them.
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(path.join(packageFolder(name), "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
const revealVersion = versionOf("reveal.js");

describe("the tool's own inputs, hashed when the package is built", () => {
  it("names the versions, every template folder and every template file", () => {
    const { hash, versions, paths } = builtToolHashData();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(versions).toEqual({ "reveal.js": revealVersion, pptxgenjs: versionOf("pptxgenjs") });
    expect(paths).toContain("package.json");
    expect(paths).toContain(path.join("templates", "partials"));
    expect(paths).toContain(path.join("templates", "theme", "theme.css"));
  });

  it("is used, in a checkout, until a file or folder it was made from is newer than it", async () => {
    const work = await tempDir("tool-hash");
    const folder = path.join(work, "templates");
    const file = path.join(folder, "deck.hbs");
    await mkdir(folder);
    await writeFile(file, "{{title}}");
    const stamp = path.join(work, "tool-inputs.json");
    const past = new Date(Date.now() - 60_000);
    await utimes(folder, past, past);
    await utimes(file, past, past);
    const versions = { "reveal.js": revealVersion };
    await writeFile(stamp, JSON.stringify({ hash: "built", versions, paths: [folder, file] }));
    expect(builtToolHash(stamp, true)).toBe("built");

    // An edited template (a later time), an added or removed one (a later time of its folder).
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(builtToolHash(stamp, true)).toBeUndefined();
    await utimes(file, past, past);
    await utimes(folder, later, later);
    expect(builtToolHash(stamp, true)).toBeUndefined();
    await utimes(folder, past, past);
    await rm(file);
    expect(builtToolHash(stamp, true)).toBeUndefined();
    expect(builtToolHash(path.join(work, "missing.json"), true)).toBeUndefined();
  });

  it("is used, in an installed copy, whatever the times npm gave the files", async () => {
    const work = await tempDir("tool-hash-installed");
    const file = path.join(work, "deck.hbs");
    await writeFile(file, "{{title}}");
    const stamp = path.join(work, "tool-inputs.json");
    const versions = { "reveal.js": revealVersion };
    await writeFile(stamp, JSON.stringify({ hash: "built", versions, paths: [file] }));
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(builtToolHash(stamp, false)).toBe("built");
    expect(builtToolHash(stamp, true)).toBeUndefined();
  });

  it("is not used once reveal.js has another version than it was made from", async () => {
    const stamp = path.join(await tempDir("tool-hash-reveal"), "tool-inputs.json");
    const versions = { "reveal.js": "0.0.1" };
    await writeFile(stamp, JSON.stringify({ hash: "built", versions, paths: [] }));
    expect(builtToolHash(stamp, false)).toBeUndefined();
    expect(builtToolHash(stamp, true)).toBeUndefined();
  });
});

describe("the files a build wrote", () => {
  it("are recorded with their sizes and hashes, and any change to one is seen", async () => {
    const work = await tempDir("written-files");
    const deck = path.join(work, "deck");
    await mkdir(path.join(deck, "reveal"), { recursive: true });
    await writeFile(path.join(deck, "index.html"), "<html>");
    await writeFile(path.join(deck, "reveal", "reveal.js"), "reveal");
    await writeFile(path.join(deck, ".briefing-build.json"), "{}");
    const files = await recordFiles(deck);
    expect(Object.keys(files)).toEqual(["index.html", "reveal/reveal.js"]);
    expect(files["index.html"]?.size).toBe(6);
    expect(filesIntact(deck, files)).toBe(true);
    await writeFile(path.join(deck, "index.html"), "<HTML>");
    expect(filesIntact(deck, files)).toBe(false);
    await writeFile(path.join(deck, "index.html"), "<html>");
    await rm(path.join(deck, "reveal"), { recursive: true });
    expect(filesIntact(deck, files)).toBe(false);
  });

  it("are looked for only inside the deck's folder", async () => {
    const work = await tempDir("written-outside");
    const deck = path.join(work, "deck");
    await mkdir(deck);
    await writeFile(path.join(work, "outside"), "x");
    const outside = await recordFiles(work);
    expect(filesIntact(deck, { "../outside": outside.outside as WrittenFile })).toBe(false);
    expect(filesIntact(deck, {})).toBe(false);
  });
});
