/**
 * Waits until `test` holds, for what has no event of its own to wait for (a process gone from
 * the process list, a file descriptor closed); fails after `ms`, naming `what`.
 */
export async function until(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
