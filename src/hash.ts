/**
 * A 128-bit hash of strings and bytes, as 32 hex digits, for telling whether inputs changed and
 * for naming things by their content. It is not a cryptographic hash: someone who wants two
 * inputs with the same hash can find them, so where that would matter the caller also compares
 * what the hash stands for (see font-cache.ts). Node's `crypto` would do the same work, but
 * loading it costs a build of one brief about a tenth of its time.
 *
 * Four lanes each take every 32-bit word through a multiply and a rotate, with different
 * constants; the length and a final mix of the lanes into each other make every bit of the
 * input reach every bit of the result.
 */
export class Hash {
  private lanes = Uint32Array.of(0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f);
  private length = 0;
  /** Bytes that did not yet make a whole word. */
  private pending = new Uint8Array(4);
  private pendingLength = 0;

  update(data: string | Uint8Array): this {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.length += bytes.length;
    let start = 0;
    while (this.pendingLength > 0 && this.pendingLength < 4 && start < bytes.length) {
      this.pending[this.pendingLength++] = bytes[start++] as number;
    }
    if (this.pendingLength === 4) {
      this.words(new Uint32Array(this.pending.buffer, 0, 1));
      this.pendingLength = 0;
    }
    const whole = (bytes.length - start) & ~3;
    if (whole > 0) {
      // A word view needs an offset that is a multiple of 4: copy the bytes if theirs is not.
      const offset = bytes.byteOffset + start;
      const words =
        offset % 4 === 0
          ? new Uint32Array(bytes.buffer, offset, whole / 4)
          : new Uint32Array(new Uint8Array(bytes.subarray(start, start + whole)).buffer);
      this.words(words);
    }
    for (let i = start + whole; i < bytes.length; i++) {
      this.pending[this.pendingLength++] = bytes[i] as number;
    }
    return this;
  }

  /** The hash of everything given so far, as 32 lowercase hex digits. */
  digest(): string {
    const last = new Uint8Array(4);
    last.set(this.pending.subarray(0, this.pendingLength));
    this.words(Uint32Array.of(new Uint32Array(last.buffer)[0] as number, this.length >>> 0));
    const [a, b, c, d] = this.lanes as unknown as [number, number, number, number];
    const out = [mix(a ^ c, b), mix(b ^ d, c), mix(c ^ a, d), mix(d ^ b, a)];
    return out.map((x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
  }

  private words(words: Uint32Array): void {
    let [a, b, c, d] = this.lanes as unknown as [number, number, number, number];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      a = Math.imul(rotate(a ^ w, 13), 0x9e3779b1) + 0x7f4a7c15;
      b = Math.imul(rotate(b ^ w, 17), 0x85ebca77) + 0x165667b1;
      c = Math.imul(rotate(c ^ w, 19), 0xc2b2ae3d) + 0x27d4eb2f;
      d = Math.imul(rotate(d ^ w, 23), 0x27d4eb2f) + 0x9e3779b1;
    }
    this.lanes[0] = a;
    this.lanes[1] = b;
    this.lanes[2] = c;
    this.lanes[3] = d;
  }
}

/** The hash of the parts, one after the other. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = new Hash();
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function rotate(x: number, by: number): number {
  return (x << by) | (x >>> (32 - by));
}

/** Spreads every bit of `x` (and of `with_`) over the whole word. */
function mix(x: number, with_: number): number {
  let h = (x ^ rotate(with_, 7)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
