import * as z from "zod";
import { configSchema } from "../config-schema.js";
import { briefSchema } from "./schema.js";

/** Where the package ships the generated JSON Schema, relative to the package root. */
export const schemaFile = "schema/brief.schema.json";

/** Where the package ships the JSON Schema of the config file. */
export const configSchemaFile = "schema/config.schema.json";

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

/**
 * The JSON Schema of the config file (`briefing.config.yaml`), from the zod schema its reader
 * runs. Its `markings` list every level's name, so that editors complete them.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { target: "draft-7", io: "input" }),
    title: "briefing: the config file (briefing.config.yaml)",
    description:
      "A project's settings for every brief beside it: output folder, theme, classification, labels, marking colours.",
  };
}

/** The config file's JSON Schema as the file holds it. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
