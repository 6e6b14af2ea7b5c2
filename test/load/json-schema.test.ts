import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import {
  briefJsonSchema,
  briefJsonSchemaText,
  configJsonSchema,
  configJsonSchemaText,
  configSchemaFile,
  schemaFile,
} from "../../src/load/json-schema.js";
import { briefSchema } from "../../src/load/schema.js";

const sample = parse(readFileSync("briefings/putin-kim-summit-2024.yaml", "utf8"));

describe("the JSON Schema for editors", () => {
  it("is the file the package ships, generated from the validator's zod schema", () => {
    // If this fails, run: node bin/briefing.js schema --out schema/brief.schema.json
    expect(readFileSync(schemaFile, "utf8")).toBe(briefJsonSchemaText());
    const { title, description, ...generated } = briefJsonSchema();
    expect(generated).toEqual(z.toJSONSchema(briefSchema, { target: "draft-7", io: "input" }));
    expect(title).toBeTruthy();
    expect(description).toBeTruthy();
  });

  it("accepts the sample brief and rejects what the validator rejects", () => {
    const validate = new Ajv({ strict: false }).compile(briefJsonSchema());
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sample, titel: "typo" })).toBe(false);
    expect(validate({ ...sample, timeline: { events: [] } })).toBe(false);
    const badSection = {
      ...sample,
      sections: [{ type: "points", title: "x", items: [], colour: 1 }],
    };
    expect(validate(badSection)).toBe(false);
  });

  it("has the grade's pattern, the access date and the images' alt, so editors complete them", () => {
    type Node = { properties: Record<string, Node>; items: Node; oneOf: Node[] } & Record<
      string,
      unknown
    >;
    const schema = briefJsonSchema() as Node;
    const source = schema.properties.sources?.items.properties ?? {};
    expect(source.grade?.pattern).toBe("^[A-Fa-f][1-6]$");
    expect(source.grade?.description).toMatch(/Admiralty/);
    expect(source.accessed?.description).toMatch(/needs `url`/);
    const event = schema.properties.timeline?.properties.events?.items.properties ?? {};
    const sections = schema.properties.sections?.items.oneOf ?? [];
    const section = (type: string) =>
      sections.find((s) => (s.properties.type as { const?: string }).const === type);
    for (const alt of [
      event.alt,
      section("image")?.properties.alt,
      section("actors")?.properties.people?.items.properties.alt,
    ]) {
      expect(alt?.type).toBe("string");
      expect(alt?.description).toMatch(/in words/);
    }
  });

  it("describes keys, so editors can show what each one is for", () => {
    const schema = briefJsonSchema() as { properties: Record<string, { description?: string }> };
    for (const key of ["title", "date", "classification", "summary", "timeline", "sections"]) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});

describe("the JSON Schema's word on inline markup", () => {
  type Node = { description?: string; properties?: Record<string, Node>; items?: Node };
  /** The paths whose description says they take markup ("sections.quote.text"). */
  function described(node: Node, path: string[] = []): string[] {
    const here = /inline markup/.test(node.description ?? "") ? [path.join(".")] : [];
    const variants = (node as { oneOf?: Node[] }).oneOf ?? [];
    return [
      ...here,
      ...Object.entries(node.properties ?? {}).flatMap(([key, n]) => described(n, [...path, key])),
      ...(node.items ? described(node.items, path) : []),
      ...variants.flatMap((n) => {
        const type = (n.properties?.type as { const?: string } | undefined)?.const ?? "";
        return described(n, [...path, type]);
      }),
    ];
  }

  it("is in the description of every field that takes it, and of no other", () => {
    const notes = ["points", "actors", "quote", "image", "judgments", "watch"].map(
      (type) => `sections.${type}.notes`,
    );
    expect(described(briefJsonSchema() as Node).sort()).toEqual(
      [
        "summary",
        "timeline.events.detail",
        "timeline.events.notes",
        "sections.points.items",
        "sections.watch.items",
        "sections.judgments.items.statement",
        "sections.actors.people.role",
        "sections.actors.people.note",
        "sections.quote.text",
        "sections.image.caption",
        "sections.image.credit",
        ...notes,
      ].sort(),
    );
  });
});

describe("the config file's JSON Schema", () => {
  it("is the file the package ships, generated from the config reader's zod schema", () => {
    // If this fails, run: node bin/briefing.js schema config --out schema/config.schema.json
    expect(readFileSync(configSchemaFile, "utf8")).toBe(configJsonSchemaText());
  });

  it("offers every level's name under markings, and refuses a colour that is none", () => {
    type Node = { properties?: Record<string, Node> };
    const markings = (configJsonSchema() as Node).properties?.markings;
    expect(Object.keys(markings?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "SECRET",
        "TOP SECRET//SCI",
        "TLP:AMBER+STRICT",
        "OFFICIAL-SENSITIVE",
      ]),
    );
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    const config = (colours: object) => ({
      markings: { "TLP:AMBER": colours, "Own words": colours },
    });
    expect(validate(config({ background: "#000", color: "#FFC000" }))).toBe(true);
    expect(validate(config({ background: "amber" }))).toBe(false);
    expect(validate(config({ colour: "#fff" }))).toBe(false);
  });
});
