import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { BriefingError } from "./errors.js";
import { makeFolder } from "./export/make-folder.js";
import { schemaFile } from "./load/json-schema.js";
import { packageRoot, templatesDir } from "./paths.js";

/** The JSON Schema file this package ships. */
export const shippedSchema = path.join(packageRoot, schemaFile);

/**
 * Writes `folder/<name>.yaml` from the template of a new brief, which validates and builds as
 * it is. Never overwrites: an existing file is an error. Returns the path written.
 */
export async function newBrief(name: string, folder: string, today: Date): Promise<string> {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name) || name.includes("..")) {
    throw new BriefingError(
      "usage",
      `"${name}" is not a brief name: use letters, digits, ".", "-" and "_" (it names the file, the deck and the PDF)`,
    );
  }
  const file = path.join(folder, `${name.replace(/\.ya?ml$/i, "")}.yaml`);
  const schema = path.relative(path.resolve(folder), shippedSchema).split(path.sep).join("/");
  const text = readFileSync(path.join(templatesDir, "new", "brief.yaml"), "utf8")
    .replaceAll("@SCHEMA@", schema)
    .replaceAll("@FILE@", file.split(path.sep).join("/"))
    .replaceAll("@TITLE@", JSON.stringify(titleOf(name)))
    .replaceAll("@DATE@", today.toISOString().slice(0, 10));
  await makeFolder(folder);
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new BriefingError("usage", `${file} already exists; it was left as it is`);
    }
    throw new BriefingError("environment", `cannot write ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return file;
}

/** "putin-kim-summit" → "Putin kim summit": a title to start from. */
function titleOf(name: string): string {
  const words = name
    .replace(/\.ya?ml$/i, "")
    .replace(/[-_.]+/g, " ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
