import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeLeftovers, replaceFolder } from "../../src/export/replace-folder.js";
import { deadPid } from "../helpers/dead-pid.js";
import { tempDir } from "../helpers/temp.js";

describe("replaceFolder", () => {
  it("replaces only a folder directly inside the one it is given, with a plain name", async () => {
    const work = await tempDir("replace-names");
    const dist = path.join(work, "dist");
    await mkdir(path.join(dist, "a"), { recursive: true });
    await writeFile(path.join(work, "keep"), "kept");
    await writeFile(path.join(dist, "a", "keep"), "kept");
    for (const name of ["..", ".", "", "a/b", "a\\b", "a\0b", "../a", ".hidden"]) {
      let filled = false;
      await expect(
        replaceFolder(dist, name, async () => {
          filled = true;
        }),
      ).rejects.toMatchObject({ kind: "internal" });
      expect(filled).toBe(false);
    }
    expect(readdirSync(work).sort()).toEqual(["dist", "keep"]);
    expect(readdirSync(dist)).toEqual(["a"]);
    expect(await readFile(path.join(dist, "a", "keep"), "utf8")).toBe("kept");
  });

  it("says in plain words when the folder cannot be written", async () => {
    const work = await tempDir("replace-unwritable");
    await writeFile(path.join(work, "file"), "");
    const failure = replaceFolder(path.join(work, "file"), "deck", async () => {});
    await expect(failure).rejects.toMatchObject({ kind: "environment" });
    await expect(failure).rejects.toThrow(/is a file, not a folder$/);
  });
});

describe("removeLeftovers", () => {
  it("removes the temporary folders of builds that are gone, never those of one still running", async () => {
    const dist = await tempDir("leftovers");
    const dead = await deadPid();
    const gone = [`.deck.tmp-${dead}-abc123`, `.other.old-${dead}-x9`];
    const alive = [`.deck.tmp-${process.pid}-abc123`, `.deck.old-${process.pid}-x9`];
    for (const name of [...gone, ...alive, "deck", "other"]) {
      await mkdir(path.join(dist, name, "reveal"), { recursive: true });
    }
    // Not a build's: kept whatever its name says.
    await writeFile(path.join(dist, `.notes.tmp-${dead}-a`), "a file");
    await mkdir(path.join(dist, `.no-pid.tmp-x-a`));
    await removeLeftovers(dist);
    expect(readdirSync(dist).sort()).toEqual(
      [...alive, "deck", "other", `.notes.tmp-${dead}-a`, ".no-pid.tmp-x-a"].sort(),
    );
  });

  it("puts back an earlier deck left aside by a build killed between its two renames", async () => {
    const dist = await tempDir("leftovers-restore");
    const dead = await deadPid();
    const old = path.join(dist, `.deck.old-${dead}-abc`);
    await mkdir(old);
    await writeFile(path.join(old, "index.html"), "the earlier deck");
    await mkdir(path.join(dist, `.deck.tmp-${dead}-abc`));
    await removeLeftovers(dist);
    expect(readdirSync(dist)).toEqual(["deck"]);
    expect(await readFile(path.join(dist, "deck", "index.html"), "utf8")).toBe("the earlier deck");
    expect(existsSync(old)).toBe(false);
  });
});
