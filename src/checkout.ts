import { existsSync } from "node:fs";
import { sourceDir } from "./paths.js";

let checkout: boolean | undefined;

/**
 * Whether this copy of briefing is a checkout: its sources, `src/`, beside `lib/` (see
 * paths.ts). There someone edits `src/` or `templates/` and may rebuild `lib/` in parts, so
 * what was built from them is used only while it is newer than they are. An
 * installed package has no `src/` (package.json's `files`): its `lib/` was built whole from the
 * templates it ships with, and the times npm gives the files it unpacks say nothing about that.
 * @internal
 */
export function isCheckout(): boolean {
  checkout ??= existsSync(sourceDir);
  return checkout;
}
