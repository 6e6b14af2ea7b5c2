// What must be undone if the process is stopped with Ctrl-C or SIGTERM mid-build: temporary
// folders removed, the browser killed. Each owner registers its own undo and removes it when done.

type Undo = () => void;

const pending = new Set<Undo>();

/** Registers `undo` to run synchronously if the process is interrupted; returns its removal. */
export function onInterrupt(undo: Undo): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Runs every registered undo, newest first. */
export function undoAll(): void {
  for (const undo of [...pending].reverse()) {
    try {
      undo();
    } catch {
      // Keep undoing the rest: the process is on its way out.
    }
  }
  pending.clear();
}
