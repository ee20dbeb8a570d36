import { describe, expect, it } from "vitest";
import { generateOneTimePassword, hashPassword, verifyPassword } from "./password.ts";

describe("passwords", () => {
  it("hash with argon2id and verify", async () => {
    const hash = await hashPassword("en lang og god passordsetning");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "en lang og god passordsetning")).toBe(true);
    expect(await verifyPassword(hash, "feil")).toBe(false);
    expect(await verifyPassword(null, "noe")).toBe(false);
    expect(await verifyPassword("not-a-hash", "noe")).toBe(false);
  });

  it("make readable, distinct one-time passwords", () => {
    const seen = new Set(Array.from({ length: 200 }, generateOneTimePassword));
    expect(seen.size).toBe(200);
    for (const p of seen) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
  });
});
