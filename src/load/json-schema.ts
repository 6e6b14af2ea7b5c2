import * as z from "zod";
import { briefSchema } from "./schema.js";

/** Where the package ships the generated JSON Schema, relative to the package root. */
export const schemaFile = "schema/brief.schema.json";

/**
 * The JSON Schema of the brief format, generated from the same zod schema the validator runs,
 * for editors (through the `# yaml-language-server: $schema=…` line) and other tools.
 */
export function briefJsonSchema(): Record<string, unknown> {
  return {
    // Draft 7 is the one every editor's YAML and JSON support understands.
    ...z.toJSONSchema(briefSchema, { target: "draft-7", io: "input" }),
    title: "briefing: a brief (format v1)",
    description:
      "A dated timeline, sections and sources that `briefing build` turns into a Reveal.js deck and a PDF.",
  };
}

/** The JSON Schema as the file holds it: two-space indented, ending in a newline. */
export function briefJsonSchemaText(): string {
  return `${JSON.stringify(briefJsonSchema(), null, 2)}\n`;
}
