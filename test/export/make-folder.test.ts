import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolder } from "../../src/export/make-folder.js";
import { tempDir } from "../helpers/temp.js";

describe("makeFolder", () => {
  it("makes a folder and the parents it lacks", async () => {
    const work = await tempDir("make-folder");
    await makeFolder(path.join(work, "a", "b", "c"));
    expect(existsSync(path.join(work, "a", "b", "c"))).toBe(true);
    await makeFolder(path.join(work, "a", "b", "c"));
  });

  it("fails at once, with a plain message, under a file", async () => {
    const work = await tempDir("make-folder-file");
    await writeFile(path.join(work, "file"), "");
    const made = makeFolder(path.join(work, "file", "x", "y"));
    await expect(made).rejects.toMatchObject({ kind: "environment" });
    await expect(made).rejects.toThrow(
      /^cannot make the folder .*file\/x\/y: .*\/file is a file, not a folder$/,
    );
  });

  // mkdir under /proc fails with ENOENT, which Node's recursive mkdir answers by making the
  // parent, which exists, and trying again, forever.
  it.runIf(process.platform === "linux")(
    "fails at once where the system makes no folders",
    async () => {
      const started = performance.now();
      const made = makeFolder("/proc/x/y");
      await expect(made).rejects.toMatchObject({ kind: "environment" });
      await expect(made).rejects.toThrow(
        "cannot make the folder /proc/x/y: the system makes no folders in /proc",
      );
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );
});
