import { describe, expect, it } from "vitest";
import { openClientSecret, sealClientSecret } from "./secret.ts";

describe("identity-provider client secrets", () => {
  const key = "a-session-secret-that-is-long-enough-0123456789";
  it("round-trips, and never stores the secret in the clear", () => {
    const sealed = sealClientSecret("s3cret-value", key);
    expect(sealed).not.toContain("s3cret");
    expect(openClientSecret(sealed, key)).toBe("s3cret-value");
    expect(sealClientSecret("s3cret-value", key)).not.toBe(sealed);
  });
  it("gives null under another key or when altered", () => {
    const sealed = sealClientSecret("s3cret-value", key);
    expect(openClientSecret(sealed, `${key}x`)).toBeNull();
    const parts = sealed.split(".");
    parts[2] = parts[2]!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(openClientSecret(parts.join("."), key)).toBeNull();
    expect(openClientSecret("garbage", key)).toBeNull();
  });
});
