import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const found = new Map<string, string>();

/**
 * The folder of an installed package (reveal.js, the fonts), found as Node finds it: the first
 * `node_modules/<name>` up from here. `require.resolve` would find the same folder, but through
 * the package's `exports` map, which costs 5 to 15 ms the first time in a process (Node
 * compiling its resolver): more than everything else a build does with these packages.
 */
export function packageFolder(name: string): string {
  let folder = found.get(name);
  if (!folder) {
    folder = (require.resolve.paths(name) ?? [])
      .map((modules) => path.join(modules, name))
      .find((candidate) => existsSync(path.join(candidate, "package.json")));
    if (!folder) throw new Error(`cannot find the package ${name}: run npm install`);
    found.set(name, folder);
  }
  return folder;
}
