import { writeFile } from "node:fs/promises";
import { BriefingError } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";

export const schemaCommand = defineCommand({
  name: "schema",
  args: "[brief|config]",
  summary: "print the JSON Schema of the brief format or the config file, for editors",
  description: `Print (or write to FILE) the JSON Schema of the brief format, or with "config" that
of the config file (briefing.config.yaml). Editors with a YAML language server use it to
complete keys and mark mistakes as you type.`,
  options: {
    out: { type: "string", short: "o", value: "FILE", help: "write the schema to FILE" },
    help: helpOption,
  },
  async run(inputs, values, { out }) {
    const [which = "brief", ...more] = inputs;
    if (more.length > 0 || (which !== "brief" && which !== "config")) {
      throw new BriefingError(
        "usage",
        `"briefing schema" takes "brief" (the default) or "config", not a brief or folder`,
      );
    }
    const schemas = await import("../load/json-schema.js");
    const text =
      which === "config" ? schemas.configJsonSchemaText() : schemas.briefJsonSchemaText();
    const file = values.out;
    if (!file) {
      out(text.trimEnd());
      return 0;
    }
    try {
      await writeFile(file, text);
    } catch (error) {
      throw new BriefingError("environment", `cannot write ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    out(`${file} written`);
    return 0;
  },
});
