import { existsSync, statSync } from "node:fs";
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

/**
 * Whether what the package build wrote to `built` still stands for the files it was made from:
 * always in an installed package, and in a checkout while none of `sources` (listed only there)
 * is newer than it. A file's time changes when it is edited, a folder's when a file is added to
 * it or removed. Throws if a file is missing.
 * @internal
 */
export function builtFromCurrent(
  built: string,
  sources: () => string[],
  checkout = isCheckout(),
): boolean {
  if (!checkout) return true;
  const made = statSync(built).mtimeMs;
  return sources().every((file) => statSync(file).mtimeMs <= made);
}
