import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBrief } from "../../src/load/load-brief.js";
import { tempDir } from "../helpers/temp.js";

// A brief is read from whatever is at its path: a folder, a named pipe, a binary file, text in
// another encoding. Each is one problem with a code and a place, never Node's words or a hang.

let dir: string;

beforeAll(async () => {
  dir = await tempDir("load-brief");
});

async function problemsOf(name: string, bytes?: Uint8Array | string) {
  const file = path.join(dir, name);
  if (bytes !== undefined) writeFileSync(file, bytes);
  const started = performance.now();
  const loaded = await loadBrief(file);
  expect(performance.now() - started).toBeLessThan(2000);
  return loaded.problems.map((p) => ({
    code: p.code,
    at: `${p.pos.line}:${p.pos.col}`,
    message: p.message,
  }));
}

const nodeWording = /EISDIR|ENXIO|illegal operation|errno|syscall/i;

describe("loadBrief on what is not a UTF-8 text file", () => {
  it("a folder and a named pipe (read without waiting for a writer)", async () => {
    mkdirSync(path.join(dir, "folder.yaml"));
    execFileSync("mkfifo", [path.join(dir, "pipe.yaml")]);
    const folder = await problemsOf("folder.yaml");
    expect(folder.map((p) => [p.code, p.at])).toEqual([["not-a-file", "1:1"]]);
    expect(folder[0]?.message).toContain("folder");
    const pipe = await problemsOf("pipe.yaml");
    expect(pipe.map((p) => [p.code, p.at])).toEqual([["not-a-file", "1:1"]]);
    for (const p of [...folder, ...pipe]) expect(p.message).not.toMatch(nodeWording);
  });

  it("UTF-16, with or without its byte-order mark", async () => {
    const text = "title: x\ndate: 2024-06-19\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect((await problemsOf("le.yaml", le)).map((p) => [p.code, p.at])).toEqual([
      ["not-text", "1:1"],
    ]);
    expect((await problemsOf("le.yaml", le))[0]?.message).toContain("UTF-16");
    const bare = Buffer.from(text, "utf16le");
    expect((await problemsOf("bare.yaml", bare)).map((p) => [p.code, p.at])).toEqual([
      ["not-text", "1:2"],
    ]);
  });

  it("a NUL byte, and bytes that are not UTF-8, at their line and column", async () => {
    expect(await problemsOf("nul.yaml", "title: x\ndate: 20\0 24\n")).toEqual([
      { code: "not-text", at: "2:9", message: expect.stringContaining("NUL") },
    ]);
    const latin1 = Buffer.from("title: x\nsubtitle: caf\xe9\n", "latin1");
    expect(await problemsOf("latin1.yaml", latin1)).toEqual([
      { code: "not-text", at: "2:14", message: expect.stringContaining("UTF-8") },
    ]);
  });

  it("a UTF-8 byte-order mark is fine", async () => {
    const text = "\uFEFFtitle: x\n";
    expect((await problemsOf("bom.yaml", text)).map((p) => p.code)).not.toContain("not-text");
  });
});
