import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Hash, hashOf } from "../src/hash.js";

describe("the content hash", () => {
  it("is 32 hex digits, the same for the same input however it is given", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300)), (bytes, cuts) => {
        const whole = hashOf(bytes);
        expect(whole).toMatch(/^[0-9a-f]{32}$/);
        const hash = new Hash();
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          // Pieces at odd offsets of one buffer, as Node's pooled Buffers have.
          hash.update(bytes.subarray(at, Math.max(at, Math.min(cut, bytes.length))));
          at = Math.max(at, Math.min(cut, bytes.length));
        }
        hash.update(bytes.subarray(at));
        expect(hash.digest()).toBe(whole);
      }),
    );
  });

  it("reads Node's Buffers, which share memory at any offset", () => {
    const text = "a brief of some length, to make whole words of it: ".repeat(5);
    const pooled = Buffer.from(`xyz${text}`).subarray(3);
    expect(pooled.byteOffset % 4).not.toBe(0);
    expect(hashOf(pooled)).toBe(hashOf(Uint8Array.from(pooled)));
  });

  it("reads a string as its UTF-8 bytes", () => {
    expect(hashOf("Kim Jong-un (김정은)")).toBe(hashOf(Buffer.from("Kim Jong-un (김정은)")));
  });

  it("changes with any change of the input, its length included", () => {
    const seen = new Set<string>();
    const inputs = ["", "\0", "\0\0", "\0\0\0", "\0\0\0\0", "a", "b", "ab", "ba", "abcd", "abce"];
    for (const input of inputs) seen.add(hashOf(input));
    expect(seen.size).toBe(inputs.length);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(), (bytes, at) => {
        const flipped = Uint8Array.from(bytes);
        const i = at % (bytes.length * 8);
        flipped[i >> 3] = (flipped[i >> 3] as number) ^ (1 << (i & 7));
        const [a, b] = [hashOf(bytes), hashOf(flipped)];
        expect(a).not.toBe(b);
        // About half of the 128 bits change for one flipped bit.
        let differing = 0;
        for (let k = 0; k < 32; k++) {
          const x = Number.parseInt(a[k] as string, 16) ^ Number.parseInt(b[k] as string, 16);
          differing += (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1);
        }
        expect(differing).toBeGreaterThan(30);
        expect(differing).toBeLessThan(98);
      }),
      { numRuns: 2000 },
    );
  });
});
