import { describe, expect, it } from "vitest";
import { outputNames, outputs } from "../../src/export/outputs.js";

describe("the outputs a build writes", () => {
  it("writes the deck's folder first, since the others are made from it", () => {
    expect(outputs.map((output) => output.kind)).toEqual([
      "html",
      "pdf",
      "handout",
      "singleFile",
      "pptx",
      "png",
    ]);
    expect(outputs[0].fileName("deck")).toBe("index.html");
  });

  it("gives each output beside the deck a file of its own, named after the deck", () => {
    expect(outputNames("deck")).toEqual({
      pdf: "deck.pdf",
      handout: "deck-handout.pdf",
      singleFile: "deck.html",
      pptx: "deck.pptx",
      png: "slides",
    });
    const names = outputs.map((output) => output.fileName("deck"));
    expect(new Set(names).size).toBe(names.length);
  });

  it("asks for the browser only for the outputs it prints", () => {
    const printed = outputs.filter((output) => output.browser).map((output) => output.kind);
    expect(printed).toEqual(["pdf", "handout", "png"]);
  });
});
