import { writeSync } from "node:fs";

/** Where a command prints a line: standard output or standard error. */
export type Out = (line: string) => void;

/** What a command is given to talk to the user with. */
export interface Io {
  out: Out;
  err: Out;
  /** Makes Ctrl-C call `stop` instead of exiting, for a command (serve) that ends by itself. */
  onInterrupt(stop: (() => void) | undefined): void;
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
}

// Lines go straight to the file descriptor: Node's stdout and stderr streams cost a few
// milliseconds to make (a build of one brief writes one line), and on Linux they write
// synchronously anyway, as this does. A descriptor that cannot take a line whole at once (a
// non-blocking pipe that is full) is handed to its stream from then on, and so are all of them
// on Windows, where the streams do more than write.
//
// A reader that goes away (`briefing build … | head`) must not stop a build halfway and leave
// its temporary files behind: what was left to print is dropped and the build goes on.
const streams = new Map<1 | 2, NodeJS.WriteStream>();

/** Writes text to standard output (1) or standard error (2), whole. */
export function write(fd: 1 | 2, text: string): void {
  const stream = streams.get(fd);
  if (stream) {
    stream.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  if (process.platform !== "win32") {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
    }
  }
  const made = fd === 1 ? process.stdout : process.stderr;
  made.on("error", ignoreClosedPipe);
  streams.set(fd, made);
  made.write(bytes.subarray(done));
}

/** Resolves once every line handed to a stream (see `write`) has been written out. */
export function flushed(): Promise<void> {
  const pending = [...streams.values()].map(
    (stream) => new Promise<void>((resolve) => stream.write("", () => resolve())),
  );
  return Promise.all(pending).then(() => undefined);
}

export const printLine: Out = (line) => write(1, `${line}\n`);
export const printError: Out = (line) => write(2, `${line}\n`);

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
