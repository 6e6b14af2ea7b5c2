import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What to add to a command's environment so that, as it exits, it writes the files of every
 * CommonJS module it loaded (`require.cache`) to a file in `dir`; and how to read them after.
 */
export function loadedModules(dir: string, label: string) {
  const probe = path.join(dir, `${label}-probe.cjs`);
  const list = path.join(dir, `${label}-modules.json`);
  const modules = "JSON.stringify(Object.keys(require.cache))";
  const write = `require("node:fs").writeFileSync(${JSON.stringify(list)}, ${modules})`;
  writeFileSync(probe, `process.on("exit", () => ${write});\n`);
  return {
    env: { NODE_OPTIONS: `--require=${probe}` },
    read: () => JSON.parse(readFileSync(list, "utf8")) as string[],
  };
}

/** Whether Handlebars' compiler is among `modules`, not its runtime alone. */
export function handlebarsCompilerIn(modules: string[]): boolean {
  return modules.some((file) => /[\\/]handlebars[\\/].*[\\/]compiler[\\/]/.test(file));
}
