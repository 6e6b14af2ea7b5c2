import { describe, expect, it } from "vitest";
import { readMarking } from "../../src/model/classification.js";

const read = (text: string) => {
  const { family, level } = readMarking(text);
  return [text, family, level];
};

describe("readMarking", () => {
  it("reads the US levels, and the marking as written", () => {
    const cases: [string, string, string][] = [
      ["UNCLASSIFIED", "us", "unclassified"],
      ["UNCLASSIFIED//FOR OFFICIAL USE ONLY", "us", "unclassified"],
      ["CUI", "us", "cui"],
      ["CUI//SP-PRVCY", "us", "cui"],
      ["CONTROLLED UNCLASSIFIED INFORMATION", "us", "cui"],
      ["CONFIDENTIAL", "us", "confidential"],
      ["SECRET", "us", "secret"],
      ["SECRET//NOFORN", "us", "secret"],
      ["secret//rel to usa, fvey", "us", "secret"],
      ["TOP SECRET", "us", "top-secret"],
      ["TOP SECRET//NOFORN", "us", "top-secret"],
      ["TOP SECRET//SCI", "us", "top-secret-sci"],
      ["TOP SECRET//SI//TK//NOFORN", "us", "top-secret-sci"],
      ["TOP SECRET//HCS-P//ORCON", "us", "top-secret-sci"],
    ];
    for (const [text, family, level] of cases) expect(read(text)).toEqual([text, family, level]);
    expect(readMarking("SECRET//NOFORN").text).toBe("SECRET//NOFORN");
  });

  it("reads the five TLP 2.0 labels, in any case and spacing, written as FIRST spells them", () => {
    const cases: [string, string, string][] = [
      ["TLP:CLEAR", "tlp-clear", "TLP:CLEAR"],
      ["TLP:GREEN", "tlp-green", "TLP:GREEN"],
      ["TLP:AMBER", "tlp-amber", "TLP:AMBER"],
      ["TLP:AMBER+STRICT", "tlp-amber-strict", "TLP:AMBER+STRICT"],
      ["TLP:RED", "tlp-red", "TLP:RED"],
      ["tlp:amber", "tlp-amber", "TLP:AMBER"],
      ["TLP: amber + strict", "tlp-amber-strict", "TLP:AMBER+STRICT"],
      ["TLP:WHITE", "tlp-clear", "TLP:WHITE"],
      ["TLP:RED – named recipients only", "tlp-red", "TLP:RED – named recipients only"],
    ];
    for (const [written, level, text] of cases) {
      const marking = readMarking(written);
      expect([written, marking.family, marking.level, marking.text, marking.tlp]).toEqual([
        written,
        "tlp",
        level,
        text,
        true,
      ]);
    }
    expect(readMarking("TLP:PURPLE").family).toBe("other");
  });

  it("colours a marking with a classification and a TLP label by its classification", () => {
    const marking = readMarking("UNCLASSIFIED//TLP:CLEAR");
    expect([marking.family, marking.level, marking.tlp]).toEqual(["us", "unclassified", true]);
  });

  it("reads the UK's Government Security Classifications", () => {
    const cases: [string, string, string][] = [
      ["OFFICIAL", "uk", "official"],
      ["OFFICIAL-SENSITIVE", "uk", "official-sensitive"],
      ["OFFICIAL SENSITIVE", "uk", "official-sensitive"],
      ["OFFICIAL-SENSITIVE COMMERCIAL", "uk", "official-sensitive"],
      ["SECRET UK EYES ONLY", "uk", "uk-secret"],
      ["UK SECRET", "uk", "uk-secret"],
      ["TOP SECRET UK EYES ONLY", "uk", "uk-top-secret"],
      // FOR OFFICIAL USE ONLY is the US's, not the UK's OFFICIAL.
      ["FOR OFFICIAL USE ONLY", "us", "restricted"],
      ["NATO RESTRICTED", "other", "restricted"],
    ];
    for (const [text, family, level] of cases) expect(read(text)).toEqual([text, family, level]);
  });

  it("reads the markings of Korea, Japan, China and Russia as national ones", () => {
    expect(read("2급비밀")).toEqual(["2급비밀", "national", "secret"]);
    expect(read("極秘")).toEqual(["極秘", "national", "top-secret"]);
    expect(read("ДСП")).toEqual(["ДСП", "national", "restricted"]);
    expect(read("Internal use")).toEqual(["Internal use", "other", "other"]);
  });
});
