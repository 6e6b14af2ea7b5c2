// Hashes the tool's own inputs (templates, theme, the versions of briefing and reveal.js) into
// lib/tool-inputs.json, so that a build does not read and hash them all again on every run.
// src/export/manifest.ts hashes them itself when reveal.js has another version than the one
// recorded or, in a checkout, when any of them is newer than this file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { builtToolHashData } from "../lib/export/manifest.js";

const root = path.resolve(import.meta.dirname, "..");
writeFileSync(
  path.join(root, "lib", "tool-inputs.json"),
  `${JSON.stringify(builtToolHashData())}\n`,
);
