import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/errors.js";
import { unscaledWarnings } from "../../src/export/scale-images.js";

const warning = (image: string, message: string): Problem => ({
  code: "image-not-loaded",
  message,
  file: "a.yaml",
  pos: { line: 1, col: 1 },
  path: [],
  image,
});

describe("the warnings about images that could not be scaled", () => {
  const scaled = {
    bytes: new Map(),
    warnings: new Map([
      ["photos/a.png", warning("photos/a.png", "cannot be read")],
      ["photos/b.png", warning("photos/b.png", "cannot be read")],
    ]),
  };

  it("leave out an image the browser said does not load, by the image, whatever the wording", () => {
    const layout = [warning("photos/a.png", "slide 3: this picture is broken")];
    expect(unscaledWarnings(scaled, layout).map((w) => w.image)).toEqual(["photos/b.png"]);
  });

  it("keep every image when the browser loaded them all", () => {
    expect(unscaledWarnings(scaled, []).map((w) => w.image)).toEqual([
      "photos/a.png",
      "photos/b.png",
    ]);
  });
});
