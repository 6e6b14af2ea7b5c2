import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Watcher } from "../../src/serve/watcher.js";
import { tempDir } from "../helpers/temp.js";

let watcher: Watcher | undefined;
afterEach(() => watcher?.close());

function nextBatch(files: string[], folders: string[] = []) {
  return new Promise<Set<string>>((resolve) => {
    watcher = new Watcher(resolve, 25);
    watcher.watch(files, folders);
  });
}

describe("the file watcher", () => {
  it("reports a save made by writing a new file and renaming it over the old one", async () => {
    const dir = await tempDir("watch");
    const file = path.join(dir, "brief.yaml");
    writeFileSync(file, "a: 1\n");
    const batch = nextBatch([file]);
    writeFileSync(path.join(dir, ".brief.yaml.swp"), "a: 2\n");
    renameSync(path.join(dir, ".brief.yaml.swp"), file);
    expect([...(await batch)]).toEqual([file]);
  });

  it("gathers a burst of writes into one batch, and ignores files it was not asked about", async () => {
    const dir = await tempDir("watch-burst");
    const file = path.join(dir, "brief.yaml");
    writeFileSync(file, "");
    const batch = nextBatch([file]);
    writeFileSync(path.join(dir, "other.txt"), "x");
    for (let i = 0; i < 5; i++) writeFileSync(file, `a: ${i}\n`);
    expect([...(await batch)]).toEqual([file]);
  });

  it("watches everything in a folder it is given", async () => {
    const dir = await tempDir("watch-folder");
    const batch = nextBatch([], [dir]);
    writeFileSync(path.join(dir, "slide.hbs"), "x");
    expect([...(await batch)]).toEqual([path.join(dir, "slide.hbs")]);
  });

  it("reports nothing once closed", async () => {
    const dir = await tempDir("watch-closed");
    const file = path.join(dir, "brief.yaml");
    writeFileSync(file, "");
    let reported = false;
    watcher = new Watcher(() => {
      reported = true;
    }, 10);
    watcher.watch([file]);
    watcher.close();
    // A witness that sees the write, and reports it later than the closed one would have.
    const seen = nextBatch([file]);
    writeFileSync(file, "a: 1\n");
    await seen;
    expect(reported).toBe(false);
  });
});
