import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/** Runs real git in `dir`, as a committer of its own (a test machine may have none set). */
export function gitIn(dir: string): (...args: string[]) => void {
  return (...args) => {
    execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", ...args], {
      cwd: dir,
      stdio: "pipe",
    });
  };
}

/** A new repository in `dir` with a brief (`brief.yaml`) committed as `earlier`, then changed to `later`. */
export function repoWithBrief(
  dir: string,
  earlier: string,
  later: string,
  brief = "brief.yaml",
): void {
  const git = gitIn(dir);
  git("init", "-q");
  mkdirSync(path.dirname(path.join(dir, brief)), { recursive: true });
  copyFileSync(earlier, path.join(dir, brief));
  git("add", brief);
  git("commit", "-q", "-m", "the earlier brief");
  copyFileSync(later, path.join(dir, brief));
}
