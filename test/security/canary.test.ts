import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { tempDir } from "../helpers/temp.js";

// A file beside the brief's folder that nothing of the brief may bring into its outputs.
const secret = "CANARY-3f9c1d-DO-NOT-LEAK";
let root: string;
let briefs: string;

const brief = (image?: string) =>
  [
    "title: Canary",
    "date: 2024-06-19",
    "timeline:",
    "  events:",
    "    - date: 2024-06-18",
    "      title: An event with a picture",
    "      detail: See [the source](https://example.com/a).",
    "      notes: Speaker notes.",
    ...(image ? [`      image: ${JSON.stringify(image)}`] : []),
    "",
  ].join("\n");

beforeAll(async () => {
  root = await tempDir("canary");
  briefs = path.join(root, "briefs");
  mkdirSync(path.join(briefs, "photos"), { recursive: true });
  const canary = path.join(root, "canary.png");
  writeFileSync(canary, secret);
  writeFileSync(path.join(root, "canary.txt"), secret);
  copyPng(path.join(briefs, "photos", "dot.png"));
  symlinkSync(canary, path.join(briefs, "photos", "link-out.png"));
});

function copyPng(to: string) {
  writeFileSync(to, readFileSync("test/fixtures/valid/photos/dot.png"));
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

describe("a file outside the brief's folder never gets into its outputs", () => {
  const attempts = [
    "../canary.png",
    path.join("photos", "..", "..", "canary.png"),
    "<absolute>",
    "<file-url>",
    "photos/link-out.png",
  ];
  for (const attempt of attempts) {
    it(`refuses ${attempt} and writes nothing`, async () => {
      const ref =
        attempt === "<absolute>"
          ? path.join(root, "canary.png")
          : attempt === "<file-url>"
            ? `file://${path.join(root, "canary.png")}`
            : attempt;
      const name = `try-${attempts.indexOf(attempt)}`;
      const file = path.join(briefs, `${name}.yaml`);
      writeFileSync(file, brief(ref));
      const out = path.join(root, "dist");
      const [result] = await build([file], { outDir: out, pdf: false, singleFile: true });
      expect(result?.problems.map((p) => [p.code, p.pos.line])).toEqual([["bad-path", 9]]);
      expect(readdirSync(out)).not.toContain(name);
    });
  }

  it("builds a valid brief beside the canary whose HTML, PDF, handout and one file hold none of it", async () => {
    const file = path.join(briefs, "valid.yaml");
    writeFileSync(file, brief("photos/dot.png"));
    const out = path.join(root, "dist");
    const [result] = await build([file], {
      outDir: out,
      pdf: true,
      handout: true,
      singleFile: true,
      notes: true,
    });
    expect(result?.problems).toEqual([]);
    expect(result?.failure).toBeUndefined();
    const written = filesUnder(path.join(out, "valid"));
    expect(written.length).toBeGreaterThan(5);
    for (const output of written) {
      const bytes = readFileSync(output);
      expect(bytes.includes(secret), output).toBe(false);
      expect(bytes.includes(Buffer.from(secret).toString("base64").slice(0, 20)), output).toBe(
        false,
      );
    }
    for (const pdf of [result?.pdf, result?.handout] as string[]) {
      const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      expect(text).toContain("An event with a picture");
      expect(text).not.toContain(secret);
    }
  });
});
