import path from "node:path";
import { describe, expect, it } from "vitest";
import { inside } from "../src/inside-folder.js";
import { isRunning } from "../src/is-running.js";
import { deadPid } from "./helpers/dead-pid.js";

describe("inside", () => {
  const folder = path.resolve("deck");
  it("holds what is below the folder, a name that starts with two dots too", () => {
    expect(inside(folder, path.join(folder, "a.png"))).toBe(true);
    expect(inside(folder, path.join(folder, "..notes.png"))).toBe(true);
    expect(inside(folder, path.join(folder, "photos", "..", "b.png"))).toBe(true);
  });
  it("does not hold the folder itself, the one above, or beside it", () => {
    expect(inside(folder, folder)).toBe(false);
    expect(inside(folder, path.dirname(folder))).toBe(false);
    expect(inside(folder, path.join(folder, "..", "x.png"))).toBe(false);
    expect(inside(folder, `${folder}-other${path.sep}x.png`)).toBe(false);
  });
});

describe("isRunning", () => {
  it("is true for this process and false for one that has exited", async () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(await deadPid())).toBe(false);
  });
});
