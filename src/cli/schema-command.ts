import { writeFile } from "node:fs/promises";
import { BriefingError } from "../errors.js";
import { defineCommand, helpOption } from "./command.js";

export const schemaCommand = defineCommand({
  name: "schema",
  args: "",
  summary: "print the JSON Schema of the brief format, for editors",
  description: `Print (or write to FILE) the JSON Schema of the brief format. Editors with a YAML
language server use it to complete keys and mark mistakes as you type.`,
  options: {
    out: { type: "string", short: "o", value: "FILE", help: "write the schema to FILE" },
    help: helpOption,
  },
  async run(inputs, values, { out }) {
    if (inputs.length > 0) {
      throw new BriefingError("usage", `"briefing schema" takes no brief or folder`);
    }
    const { briefJsonSchemaText } = await import("../load/json-schema.js");
    const text = briefJsonSchemaText();
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
