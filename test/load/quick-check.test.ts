import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { matchesJsonSchema, passesBriefSchema } from "../../src/load/quick-check.js";
import { readYaml } from "../../src/load/read-yaml.js";
import { briefSchema } from "../../src/load/schema.js";

const newBrief = readFileSync("templates/new/brief.yaml", "utf8")
  .replaceAll("@TITLE@", "A title")
  .replaceAll("@DATE@", "2026-11-28");
const briefs = [
  readFileSync("briefings/putin-kim-summit-2024.yaml", "utf8"),
  readFileSync("briefings/us-north-korea-summits-2018-2019.yaml", "utf8"),
  newBrief,
].map((text) => parse(text) as unknown);

const zodAccepts = (data: unknown) => z.safeParse(briefSchema, data).success;

type Path = (string | number)[];

/** The path of every value in the data, the root included. */
function paths(data: unknown, at: Path = []): Path[] {
  if (data === null || typeof data !== "object") return [at];
  const keys = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  return [
    at,
    ...keys.flatMap((k) => paths((data as Record<string | number, unknown>)[k], [...at, k])),
  ];
}

type Change = "replace" | "remove" | "add-key" | "empty";

/** A copy of `data` with one change at `path`. */
function changed(data: unknown, path: Path, change: Change, value: unknown): unknown {
  const copy = structuredClone(data);
  if (path.length === 0) return change === "replace" ? value : copy;
  type Node = Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce((node, k) => node[k] as Node, copy as Node);
  const key = path[path.length - 1] as string | number;
  if (change === "replace") parent[key] = value;
  else if (change === "remove") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (change === "add-key") {
    const node = parent[key];
    if (node && typeof node === "object" && !Array.isArray(node)) {
      (node as Node)[typeof value === "string" && value ? value.slice(0, 12) : "extra"] = value;
    }
  } else if (Array.isArray(parent[key])) parent[key] = [];
  return copy;
}

const yamlValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("points", "actors", "quote", "image", "judgments", "watch", "low", "early"),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

describe("the quick schema check", () => {
  it("passes the sample briefs and the one `briefing new` writes", () => {
    for (const brief of briefs) expect(passesBriefSchema(brief)).toBe(true);
  });

  it("answers as zod does for briefs with one thing changed", () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.nat(briefs.length - 1),
        fc.nat(),
        fc.constantFrom<Change>("replace", "remove", "add-key", "empty"),
        yamlValue,
        (which, pick, change, value) => {
          const brief = briefs[which];
          const all = paths(brief);
          const data = changed(brief, all[pick % all.length] as Path, change, value);
          const quick = passesBriefSchema(data);
          if (!quick) rejected++;
          expect(quick).toBe(zodAccepts(data));
        },
      ),
      { numRuns: 3000 },
    );
    // The changes reach the schema's limits often enough to test them: about a third are
    // refused (the samples' free-text fields, which take any change of text, make it vary).
    expect(rejected).toBeGreaterThan(750);
  });

  it("says no to a keyword it does not know, rather than pass what zod might not", () => {
    expect(matchesJsonSchema({ type: "string" }, "x")).toBe(true);
    expect(matchesJsonSchema({ type: "string", minLength: 2 }, "x")).toBe(false);
    expect(matchesJsonSchema({ type: "string", format: "date" }, "x")).toBe(false);
    expect(matchesJsonSchema({ type: ["string", "null"] }, "x")).toBe(false);
  });

  it("reads a pattern as zod does: a source's grade", () => {
    const grade = { type: "string", pattern: "^[A-Fa-f][1-6]$" };
    for (const value of ["B2", "b2", "F6"]) expect(matchesJsonSchema(grade, value)).toBe(true);
    for (const value of ["G7", "B 2", "B22", "", 2]) {
      expect(matchesJsonSchema(grade, value)).toBe(false);
    }
  });

  it("says no to what a YAML 1.1 document makes of a mapping: a date, a set, a map", () => {
    // `%YAML 1.1` switches the reader to the older schema, with its own types.
    const v11 = readYaml("v11.yaml", "%YAML 1.1\n---\na: 2024-01-01\nb: !!set {}\nc: !!omap []\n");
    const { a, b, c } = v11.data as Record<string, unknown>;
    expect([a, b, c].map((x) => Object.prototype.toString.call(x))).toEqual([
      "[object Date]",
      "[object Set]",
      "[object Map]",
    ]);
    const [brief] = briefs as [{ timeline: object }];
    for (const categories of [a, b, c, new Uint8Array()]) {
      const data = { ...brief, timeline: { ...brief.timeline, categories } };
      expect(passesBriefSchema(data), String(categories)).toBe(false);
      expect(zodAccepts(data), String(categories)).toBe(false);
    }
  });

  it("keeps keys that JavaScript treats specially as unknown keys", () => {
    const [brief] = briefs as [Record<string, unknown>];
    const polluted = JSON.parse(`{"__proto__": {"x": 1}}`);
    expect(passesBriefSchema({ ...brief, ...polluted })).toBe(false);
    expect(passesBriefSchema({ ...brief, constructor: {} })).toBe(false);
    expect(passesBriefSchema({ ...brief, toString: "x" })).toBe(false);
  });
});
