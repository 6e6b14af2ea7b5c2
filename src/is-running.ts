/**
 * Whether the process `pid` is still running: this one is; another answers a signal 0, or is
 * refused it (EPERM: running, as someone else). Only "no such process" (ESRCH) means gone.
 */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
