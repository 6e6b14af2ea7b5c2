import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import {
  type ConfigFlags,
  isBriefFileName,
  type ResolvedConfig,
  resolveConfig,
} from "../config.js";
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

/**
 * What `build` and `check` run on, judged in this order: the briefs named, the step timeout
 * (flag, then BRIEFING_TIMEOUT), the settings (flags, then the config file).
 */
export async function briefRun(
  command: "build" | "check",
  inputs: string[],
  flags: ConfigFlags,
): Promise<{ files: string[]; config: ResolvedConfig }> {
  if (inputs.length === 0) {
    throw new BriefingError("usage", `"briefing ${command}" needs a brief or a folder of briefs`);
  }
  const files = await expandInputs(inputs);
  const config = await resolveConfig(flags, inputs, command);
  return { files, config };
}
