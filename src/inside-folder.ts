import path from "node:path";

/**
 * Whether `file` is strictly inside `folder` (both absolute, and real if links matter). A name
 * that merely starts with two dots (`..notes.png`) is inside; `..` and `../x` are not.
 */
export function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
