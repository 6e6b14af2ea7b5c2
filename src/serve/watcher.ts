import { type FSWatcher, watch } from "node:fs";
import path from "node:path";

/**
 * Watches files and whole folders, and reports changes in batches once saving has gone quiet
 * for `quietMs`. It watches the folders that hold the files rather than the files themselves,
 * because editors often save by writing a new file and renaming it over the old one, which
 * ends a watch on the old file.
 */
export class Watcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Set<string>();
  private folders = new Set<string>();
  private changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly onChange: (changed: Set<string>) => void,
    private readonly quietMs = 25,
  ) {}

  /** Sets what is watched: these files, and anything in these folders. */
  watch(files: Iterable<string>, folders: Iterable<string> = []): void {
    if (this.closed) return;
    this.files = new Set([...files].map((f) => path.resolve(f)));
    this.folders = new Set([...folders].map((f) => path.resolve(f)));
    const wanted = new Set([...this.folders, ...[...this.files].map((f) => path.dirname(f))]);
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => this.saw(dir, name?.toString()));
        // A folder that disappears ends its watch; the next `watch` call sets it up again.
        watcher.on("error", () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // A folder that does not exist (yet) has nothing to report.
      }
    }
  }

  private saw(dir: string, name: string | undefined): void {
    if (this.closed) return;
    const file = name ? path.join(dir, name) : undefined;
    if (file && !this.files.has(file) && !this.folders.has(dir)) return;
    this.changed.add(file ?? dir);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = this.changed;
      this.changed = new Set();
      this.onChange(batch);
    }, this.quietMs);
  }

  /** Stops every watch; no change is reported after this. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
