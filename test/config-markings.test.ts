import { describe, expect, it } from "vitest";
import { checkConfig } from "../src/config-schema.js";
import { readYaml } from "../src/load/read-yaml.js";

function problems(yaml: string) {
  return checkConfig(readYaml("briefing.config.yaml", yaml)).map((p) => [
    p.pos.line,
    p.pos.col,
    p.code,
    p.message,
  ]);
}

describe("markings in the config file", () => {
  it("takes colours for a marking as written and for a level by its name", () => {
    const yaml = [
      "markings:",
      '  "TLP:AMBER": { background: "#000", color: "#FFC000" }',
      '  SECRET: { background: "#7a0019" }',
      '  "SECRET//NOFORN": { color: "#fff" }',
      '  "Internal use only": { background: "#333333" }',
      '  tlp:red: { color: "#ff2b2b" }',
      "",
    ].join("\n");
    expect(problems(yaml)).toEqual([]);
  });

  it("says which level a mistyped name meant, and which labels TLP 2.0 has", () => {
    const yaml = [
      "markings:",
      '  SECERT: { background: "#000" }',
      '  "TLP:AMBR": { background: "#000" }',
      '  "TLP:WHITE": { background: "#000" }',
      '  "TLP:PURPLE": { background: "#000" }',
      "",
    ].join("\n");
    const found = problems(yaml);
    expect(found.map(([line, col, code]) => [line, col, code])).toEqual([
      [2, 3, "unknown-key"],
      [3, 3, "unknown-key"],
      [5, 3, "unknown-key"],
    ]);
    expect(found[0]?.[3]).toMatch(/did you mean "SECRET"/);
    expect(found[1]?.[3]).toMatch(/did you mean "TLP:AMBER"/);
    expect(found[2]?.[3]).toMatch(/TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER\+STRICT, TLP:RED/);
  });

  it("refuses a colour that is none, a key of its own, and an entry that sets nothing", () => {
    const yaml = [
      "markings:",
      '  "TLP:RED": { background: red, colour: "#fff" }',
      "  OFFICIAL: {}",
      "  CUI: purple",
      "marking: {}",
      "",
    ].join("\n");
    const found = problems(yaml);
    expect(found.map(([line, col, code]) => [line, col, code])).toEqual([
      [2, 28, "bad-color"],
      [2, 33, "unknown-key"],
      [3, 13, "missing-key"],
      [4, 8, "wrong-type"],
      [5, 1, "unknown-key"],
    ]);
    expect(found[1]?.[3]).toMatch(/did you mean "color"/);
    expect(found[4]?.[3]).toMatch(/did you mean "markings"/);
  });

  it("leaves a longer wording that only starts like a level as a marking of its own", () => {
    expect(problems('markings:\n  "SECRETARIAT ONLY": { background: "#000" }\n')).toEqual([]);
  });
});
