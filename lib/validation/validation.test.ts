import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { changePasswordSchema } from "./auth.ts";
import { fieldErrors, summary } from "./format.ts";
import { groupCreateSchema } from "./group.ts";
import { userCreateSchema } from "./user.ts";

describe("shared schemas", () => {
  it("normalise e-mail and trim names", () => {
    const v = userCreateSchema.parse({ name: "  Kari  ", email: " Kari@Example.NO " });
    expect(v).toEqual({ name: "Kari", email: "kari@example.no", forumRole: "MEMBER" });
  });

  it("explain every problem in the reader's language", () => {
    const r = groupCreateSchema.safeParse({ name: "x", kind: "CLUB", extra: true });
    expect(r.success).toBe(false);
    if (r.success) return;
    const nb = fieldErrors(r.error, translator("nb"));
    expect(nb.name).toBe("må ha minst 2 tegn");
    expect(nb.kind).toContain("STEERING");
    expect(summary(r.error, translator("en"))).toContain("name: must have at least 2 characters");
    expect(summary(r.error, translator("en"))).toContain("unknown fields: extra");
  });

  it("require matching, changed passwords", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "same-password-1", newPassword: "same-password-1", confirmPassword: "other" });
    expect(r.success).toBe(false);
    if (r.success) return;
    const f = fieldErrors(r.error, translator("nb"));
    expect(f.confirmPassword).toBe("passordene er ikke like");
    expect(f.newPassword).toBe("det nye passordet må være forskjellig fra det gamle");
  });
});
