import { BriefingError } from "../errors.js";

// The values of options that are numbers or addresses, judged in the tool's own words: never a
// value that Node would quietly turn into something else (a timeout that fires at once, every
// interface).

/** `-j N`: briefs built at once. */
export function concurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new BriefingError(
      "usage",
      `--concurrency needs a whole number of at least 1, not "${value}"`,
    );
  }
  return n;
}

/** `--port N`, 8000 when not given. */
export function port(value: string | undefined): number {
  if (value === undefined) return 8000;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    throw new BriefingError("usage", `--port needs a port number from 0 to 65535, not "${value}"`);
  }
  return n;
}

/** `--host H`, 127.0.0.1 when not given. */
export function host(value: string | undefined): string {
  const host = value ?? "127.0.0.1";
  // Node would take an empty host for every interface: exactly what --host must never do unasked.
  if (host.trim() === "" || /\s/.test(host)) {
    throw new BriefingError(
      "usage",
      `--host needs a host name or an IP address to listen on, not "${host}"`,
    );
  }
  return host;
}
