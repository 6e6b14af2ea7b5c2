import * as z from "zod";
import { checkMarkings, markingsSchema } from "./config-markings.js";
import type { Problem } from "./errors.js";
import { labelsSchema } from "./labels/labels-schema.js";
import { checkSchemaWith } from "./load/check-schema.js";
import type { YamlSource } from "./load/read-yaml.js";
import { yardstickNames } from "./load/yardsticks.js";

/** The project settings a config file may hold. Paths are relative to the config file. */
export const configSchema = z.strictObject({
  out: z.string().optional().meta({ description: "where built decks go (default: dist)" }),
  classification: z
    .string()
    .optional()
    .meta({ description: "banner text for briefs that have no classification of their own" }),
  browser: z.string().optional().meta({ description: "the Chrome or Chromium to print with" }),
  theme: z
    .string()
    .optional()
    .meta({ description: "a CSS file laid over the built-in theme (colours, fonts, sizes)" }),
  labels: labelsSchema.optional(),
  markings: markingsSchema.optional(),
  yardstick: z
    .enum(yardstickNames)
    .optional()
    .meta({ description: "the yardstick of briefs that name none: icd203 (default) or phia" }),
  since: z.string().optional().meta({
    description:
      "what `build` shows the changes since: an earlier brief's YAML file, or git:REV for each brief's own file at a git revision (git:HEAD, git:main)",
  }),
  pptx: z
    .boolean()
    .optional()
    .meta({ description: "also write <name>.pptx beside each deck, as `build --pptx` does" }),
  png: z
    .boolean()
    .optional()
    .meta({ description: "also write a picture of each slide, slides/01.png … (as --png does)" }),
});

/** A config file as written. */
export type UserConfig = z.infer<typeof configSchema>;

/** What is wrong with a config file, with positions. */
export function checkConfig(source: YamlSource): Problem[] {
  const problems = [
    ...checkSchemaWith(configSchema, source, "the config file"),
    ...checkMarkings(source),
  ];
  // In the file's order, whichever check found them.
  return problems.sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col);
}
