import { existsSync } from "node:fs";
import path from "node:path";
import { BriefingError } from "./errors.js";
import { packageRequire as require } from "./paths.js";

const found = new Map<string, string>();

/**
 * The folder of an installed package (reveal.js, the fonts), found as Node finds it: the first
 * `node_modules/<name>` up from here. `require.resolve` would find the same folder, but through
 * the package's `exports` map, which is slow the first time in a process (Node compiling its
 * resolver): more than everything else a build does with these packages.
 */
export function packageFolder(name: string): string {
  let folder = found.get(name);
  if (!folder) {
    folder = (require.resolve.paths(name) ?? [])
      .map((modules) => path.join(modules, name))
      .find((candidate) => existsSync(path.join(candidate, "package.json")));
    // A broken install is the machine's to fix, not a fault of briefing: exit 3, with the way out.
    if (!folder) {
      throw new BriefingError(
        "environment",
        `cannot find the package ${name} that briefing needs: run npm install in the briefing folder`,
      );
    }
    found.set(name, folder);
  }
  return folder;
}
