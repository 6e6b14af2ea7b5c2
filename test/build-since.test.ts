import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { startCli } from "./helpers/cli.js";
import { gitIn, repoWithBrief } from "./helpers/git.js";
import { pdfOutline, pdfPages } from "./helpers/pdf.js";
import { tempDir } from "./helpers/temp.js";

const fixtures = path.resolve("test/fixtures/since");
const earlier = path.join(fixtures, "earlier.yaml");
const later = path.join(fixtures, "later.yaml");

async function run(args: string[], cwd?: string) {
  return startCli(args, {}, cwd).done;
}

/** What a command printed, with no stack trace in it. */
function noTrace(text: string): string {
  expect(text).not.toMatch(/^\s+at /m);
  return text;
}

/** A git repository with `brief.yaml` committed as earlier.yaml, then changed to later.yaml. */
async function gitRepo(label: string): Promise<string> {
  const dir = await tempDir(label);
  repoWithBrief(dir, earlier, later);
  return dir;
}

const text = (pages: string[]) => pages.map((page) => page.replace(/\s+/g, " "));

describe("build --since an earlier brief's file", () => {
  let out: string;
  let pages: string[];
  let built: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    out = await tempDir("since-file");
    built = await run([
      "build",
      later,
      "--since",
      earlier,
      "--out",
      out,
      "--handout",
      "--single-file",
    ]);
    pages = text(pdfPages(path.join(out, "later", "later.pdf")));
  });

  it("builds, and the slide fits: no warnings", () => {
    expect(noTrace(built.stderr)).not.toContain("warning:");
    expect(built.status).toBe(0);
  });

  it("puts the slide of changes right after the summary, in the PDF's text", () => {
    expect(pages[1]).toContain("The summit took place.");
    const slide = pages[2] as string;
    expect(slide).toContain("What changed since 12 June 2024");
    expect(slide).toContain("NEW EVENT 18 June 2024 Putin's article in Rodong Sinmun");
    expect(slide).toContain("NEW EVENT 19 June 2024 Putin arrives in Pyongyang");
    // Matched by its id, though its date and title were rewritten: not new.
    expect(slide).not.toContain("Kim travels");
    expect(slide).toContain(
      "JUDGMENT CHANGED The two sides sign a comprehensive strategic partnership treaty. likely · Moderate confidence (was: unlikely · Low confidence)",
    );
    expect(slide).toContain("JUDGMENT DROPPED Kim visits Moscow before the end of 2024.");
    expect(slide).toContain("NEW SOURCE Putin orders signing of a treaty. TASS.");
    expect(slide).not.toContain("No change in key judgments");
  });

  it("marks new events on the overview and their slides, and the changed judgment", () => {
    const overview = pages[3] as string;
    expect(overview.match(/NEW/g)).toHaveLength(2);
    const arrives = pages.find((p) => p.includes("His first visit in 24 years."));
    expect(arrives).toContain("NEW");
    const judgments = pages.find((p) => p.includes("Key judgments")) as string;
    expect(judgments.match(/CHANGED/g)).toHaveLength(1);
  });

  it("gives the slide its bookmark, and puts it in the handout and the single file", async () => {
    const titles = pdfOutline(path.join(out, "later", "later.pdf")).map((b) => [b.title, b.page]);
    expect(titles).toContainEqual(["What changed since 12 June 2024", 3]);
    const handout = text(pdfPages(path.join(out, "later", "later-handout.pdf"))).join("\n");
    expect(handout).toContain("What changed since 12 June 2024");
    expect(handout).toContain("(was: unlikely · Low confidence)");
    const single = await readFile(path.join(out, "later", "later.html"), "utf8");
    expect(single).toContain("What changed since 12 June 2024");
    expect(single).toContain("was: ");
  });

  it("says there is no change in key judgments when none moved", async () => {
    const same = await tempDir("since-same");
    const result = await run(["build", later, "--since", later, "--out", same]);
    expect(result.status).toBe(0);
    const slide = text(pdfPages(path.join(same, "later", "later.pdf")))[2];
    expect(slide).toContain("What changed since 19 June 2024");
    expect(slide).toContain("No change in key judgments");
    expect(slide).not.toContain("was:");
  });
});

describe("build --since, the deck alone", () => {
  it("rebuilds when the earlier brief changes, and keeps the deck when nothing did", async () => {
    const out = await tempDir("since-rebuild");
    const old = path.join(out, "old.yaml");
    await copyFile(earlier, old);
    const args = ["build", later, "--since", old, "--out", out, "--no-pdf"];
    expect((await run(args)).status).toBe(0);
    expect((await run(args)).stdout).toContain("unchanged since its last build");
    await writeFile(old, (await readFile(old, "utf8")).replace("2024-06-12", "2024-06-05"));
    const again = await run(args);
    expect(again.stdout).not.toContain("unchanged");
    const html = await readFile(path.join(out, "later", "index.html"), "utf8");
    expect(html).toContain("What changed since 5 June 2024");
    // Without --since the deck is rebuilt too, and has no such slide.
    await run(["build", later, "--out", out, "--no-pdf"]);
    expect(await readFile(path.join(out, "later", "index.html"), "utf8")).not.toContain(
      "What changed",
    );
  });

  it("warns about an ambiguous match at the event, naming the earlier brief's lines", async () => {
    const out = await tempDir("since-twins");
    const result = await run([
      "build",
      later,
      "--since",
      path.join(fixtures, "twins.yaml"),
      "--out",
      out,
      "--no-pdf",
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      `${later}:13:7: warning: this event matches 2 events of ${path.join(fixtures, "twins.yaml")} by its date and title (lines 6, 8)`,
    );
    // --strict fails on it, as on any warning.
    const strict = await run([
      ...["build", later, "--since", path.join(fixtures, "twins.yaml")],
      ...["--out", out, "--no-pdf", "--strict", "--force"],
    ]);
    expect(strict.status).toBe(1);
  });

  it("refuses an earlier brief that is not valid, naming its problems at their lines", async () => {
    const out = await tempDir("since-invalid");
    const bad = path.join(fixtures, "invalid-earlier.yaml");
    const result = await run(["build", later, "--since", bad, "--out", out, "--no-pdf"]);
    expect(result.status).toBe(1);
    expect(noTrace(result.stderr)).toContain(
      `the earlier brief ${bad} (--since) is not a valid brief`,
    );
    expect(result.stderr).toContain(`${bad}:5:13: `);
  });

  it("refuses an earlier file that is not there", async () => {
    const out = await tempDir("since-missing");
    const result = await run(["build", later, "--since", "nowhere.yaml", "--out", out]);
    expect(result.status).toBe(2);
    expect(noTrace(result.stderr)).toContain(
      "--since nowhere.yaml: cannot read nowhere.yaml: no such file",
    );
  });

  it("refuses a folder or a named pipe as the earlier brief, without waiting on it", async () => {
    const out = await tempDir("since-not-a-file");
    const pipe = path.join(out, "pipe.yaml");
    execFileSync("mkfifo", [pipe]);
    for (const since of [fixtures, pipe]) {
      const result = await run(["build", later, "--since", since, "--out", out, "--no-pdf"]);
      expect(result.status).toBe(1);
      expect(noTrace(result.stderr)).toContain(`${since}:1:1: this is`);
    }
  });

  it("refuses one earlier file for several briefs", async () => {
    const out = await tempDir("since-batch");
    const result = await run(["build", later, earlier, "--since", earlier, "--out", out]);
    expect(result.status).toBe(2);
    expect(noTrace(result.stderr)).toContain("is one brief's earlier version, but 2 briefs");
  });
});

describe("the library's build with since", () => {
  it("writes the slide of changes, and gives ambiguous matches as the result's warnings", async () => {
    const outDir = await tempDir("since-library");
    const [result] = await build([later], {
      outDir,
      pdf: false,
      since: path.join(fixtures, "twins.yaml"),
    });
    expect(result?.failure).toBeUndefined();
    expect(result?.warnings.map((w) => [w.code, w.pos.line])).toEqual([["ambiguous-match", 13]]);
    expect(await readFile(result?.html as string, "utf8")).toContain(
      "What changed since 12 June 2024",
    );
  });

  it("throws a usage error for an earlier file that is not there", async () => {
    const outDir = await tempDir("since-library-missing");
    await expect(
      build([later], { outDir, pdf: false, since: "nowhere.yaml" }),
    ).rejects.toMatchObject({
      kind: "usage",
    });
  });
});

describe("build --since git:REV", () => {
  it("compares the brief with its own file at the revision", async () => {
    const dir = await gitRepo("since-git");
    const result = await run(["build", "brief.yaml", "--since", "git:HEAD", "--no-pdf"], dir);
    expect(noTrace(result.stderr)).toBe("");
    expect(result.status).toBe(0);
    const html = await readFile(path.join(dir, "dist", "brief", "index.html"), "utf8");
    expect(html).toContain("What changed since 12 June 2024");
    expect(html).toContain("Putin arrives in Pyongyang");
  });

  it("finds a brief in a folder of the repository, given from outside it", async () => {
    const dir = await tempDir("since-git-nested");
    repoWithBrief(dir, earlier, later, "desk/briefs/brief.yaml");
    // Named from the folder above the repository, through a symbolic link to it.
    await symlink(dir, `${dir}-link`);
    const brief = path.join(`${dir}-link`, "desk", "briefs", "brief.yaml");
    const out = path.join(dir, "out");
    const result = await run(
      ["build", brief, "--since", "git:HEAD", "--out", out, "--no-pdf"],
      path.dirname(dir),
    );
    expect(noTrace(result.stderr)).toBe("");
    const html = await readFile(path.join(out, "brief", "index.html"), "utf8");
    expect(html).toContain("What changed since 12 June 2024");
  });

  it("takes since: from the config file, and --since over it", async () => {
    const dir = await gitRepo("since-config");
    await writeFile(path.join(dir, "briefing.config.yaml"), "since: git:HEAD\n");
    const result = await run(["build", "brief.yaml", "--no-pdf"], dir);
    expect(result.status).toBe(0);
    const deck = path.join(dir, "dist", "brief", "index.html");
    expect(await readFile(deck, "utf8")).toContain("What changed since 12 June 2024");
    // A file in the config file is relative to it.
    await copyFile(later, path.join(dir, "same.yaml"));
    await writeFile(path.join(dir, "briefing.config.yaml"), "since: same.yaml\n");
    expect((await run(["build", "brief.yaml", "--no-pdf"], dir)).status).toBe(0);
    expect(await readFile(deck, "utf8")).toContain("What changed since 19 June 2024");
    const flag = await run(["build", "brief.yaml", "--no-pdf", "--since", "git:HEAD"], dir);
    expect(flag.status).toBe(0);
    expect(await readFile(deck, "utf8")).toContain("What changed since 12 June 2024");
  });

  it("compares each brief of a batch with its own file, and fails alone one that was not there", async () => {
    const dir = await gitRepo("since-git-batch");
    await copyFile(later, path.join(dir, "added.yaml"));
    const result = await run(["build", ".", "--since", "git:HEAD", "--no-pdf", "-j", "1"], dir);
    expect(result.status).toBe(2);
    expect(noTrace(result.stderr)).toContain(
      "added.yaml: not built: --since git:HEAD: there was no added.yaml at HEAD",
    );
    const html = await readFile(path.join(dir, "dist", "brief", "index.html"), "utf8");
    expect(html).toContain("What changed since 12 June 2024");
  });

  it("says so for a revision the repository does not have", async () => {
    const dir = await gitRepo("since-git-rev");
    const result = await run(["build", "brief.yaml", "--since", "git:nope", "--no-pdf"], dir);
    expect(result.status).toBe(2);
    expect(noTrace(result.stderr)).toContain(
      'brief.yaml: not built: --since git:nope: the repository of brief.yaml has no revision "nope"',
    );
  });

  it("refuses a revision that git would read as an option, and an empty one", async () => {
    const dir = await gitRepo("since-git-option");
    for (const since of ["git:--output=x", "git:"]) {
      const result = await run(["build", "brief.yaml", "--since", since, "--no-pdf"], dir);
      expect(result.status).toBe(2);
      expect(noTrace(result.stderr)).toContain('name a revision after "git:"');
    }
  });

  it("names an earlier version that is not valid as git does, REV:path, with its lines", async () => {
    const dir = await gitRepo("since-git-invalid");
    const git = gitIn(dir);
    await copyFile(path.join(fixtures, "invalid-earlier.yaml"), path.join(dir, "brief.yaml"));
    git("commit", "-q", "-am", "a broken brief");
    await copyFile(later, path.join(dir, "brief.yaml"));
    const result = await run(["build", "brief.yaml", "--since", "git:HEAD", "--no-pdf"], dir);
    expect(result.status).toBe(1);
    expect(noTrace(result.stderr)).toContain("HEAD:brief.yaml:5:13: ");
    expect(result.stderr).toContain(
      "brief.yaml: not built: the earlier brief HEAD:brief.yaml (--since) is not a valid brief; the previous output is unchanged",
    );
  });

  describe("outside a repository", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "briefing-since-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("says the brief is not in a git repository", async () => {
      await copyFile(later, path.join(dir, "brief.yaml"));
      const result = await run(["build", "brief.yaml", "--since", "git:HEAD", "--no-pdf"], dir);
      expect(result.status).toBe(2);
      expect(noTrace(result.stderr)).toContain(
        "brief.yaml: not built: --since git:HEAD: brief.yaml is not in a git repository",
      );
    });
  });
});
