import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileFailure, makeFolder } from "../../src/export/make-folder.js";
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

describe("fileFailure", () => {
  it("says what failed in words, with the path, never in Node's own wording", async () => {
    const work = await tempDir("file-failure");
    // A real failure from the system: writing a file into a folder that is a file.
    await writeFile(path.join(work, "plain"), "");
    const error = await writeFile(path.join(work, "plain", "x.pdf"), "").catch((e) => e);
    const words = fileFailure(error);
    expect(words).toContain(path.join(work, "plain", "x.pdf"));
    expect(words).not.toMatch(/ENOTDIR|EACCES|ENOSPC|operation not permitted|, open '/);
    for (const code of ["ENOSPC", "EROFS", "EBUSY", "EMFILE", "EXDEV"]) {
      const made = Object.assign(new Error(`${code}: raw`), { code, path: "/x/y.pdf" });
      expect(fileFailure(made)).not.toContain(`${code}: raw`);
    }
  });
});
