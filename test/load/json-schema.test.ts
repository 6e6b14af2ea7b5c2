import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { briefJsonSchema, briefJsonSchemaText, schemaFile } from "../../src/load/json-schema.js";
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

  it("describes keys, so editors can show what each one is for", () => {
    const schema = briefJsonSchema() as { properties: Record<string, { description?: string }> };
    for (const key of ["title", "date", "classification", "summary", "timeline", "sections"]) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});
