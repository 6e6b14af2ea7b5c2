import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isBriefFileName } from "../config.js";
import { BriefingError } from "../errors.js";

/** Files as given, and every *.yaml / *.yml in each folder given, in name order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new BriefingError("usage", `no such file or folder: ${input}`);
    let found = [input];
    if (info.isDirectory()) {
      found = (await readdir(input))
        .filter(isBriefFileName)
        .sort()
        .map((f) => path.join(input, f));
      if (found.length === 0)
        throw new BriefingError("usage", `no *.yaml or *.yml briefs in ${input}`);
    }
    files.push(...found);
  }
  const { distinctDecks } = await import("../load/load-brief.js");
  return distinctDecks(files);
}
