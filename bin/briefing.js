#!/usr/bin/env node
// The `briefing` command. The TypeScript in src/ is compiled to lib/ by `npm install`.
import { existsSync } from "node:fs";

const cli = new URL("../lib/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "briefing: lib/ is missing; run `npm install` (or `npm run build:ts`) in the briefing folder first",
  );
  process.exit(3);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
