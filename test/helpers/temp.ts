import { mkdtempSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

const root = path.resolve("test/.output");

/** A fresh folder for one test's output, kept under test/.output for a look after a failure. */
export async function tempDir(label: string): Promise<string> {
  await mkdir(root, { recursive: true });
  return mkdtempSync(path.join(root, `${label}-`));
}
