import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { dateOnly } from "./action.ts";
import { changePasswordSchema } from "./auth.ts";
import { emailSchema, text, visibleLength } from "./common.ts";
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

describe("the one text schema", () => {
  const name = text(2, 120);
  const multi = text(0, 4000, { multiline: true });

  it("NFC-normalises, strips invisible characters and counts visible characters", () => {
    expect(name.parse("  Astrid\u200BBerg ")).toBe("AstridBerg");
    expect(name.parse("Rene\u0301")).toBe("Ren\u00e9");
    expect(name.safeParse("\u200B\u200B\u200B\u200C\u200D").success).toBe(false);
    expect(name.safeParse("e\u0301").success).toBe(false);
    expect(visibleLength("👨‍👩‍👧 Å")).toBe(3);
  });

  it("refuses control characters, bidi overrides and stacked marks; keeps newline and tab in multi-line text", () => {
    for (const bad of ["Lars Haugen\u202E (admin)", "Lars \u2066Haugen\u2069", "Lars\u0000Haugen", "Lars\u001b[31m", `Lars${"\u0301".repeat(150)}`, "Lars\nHaugen", "Lars \ud800"]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(multi.parse("Linje 1\r\n\tlinje 2")).toBe("Linje 1\n\tlinje 2");
    expect(multi.safeParse("Linje\u0007").success).toBe(false);
    expect(name.parse("Nguyễn Thị Ánh")).toBe("Nguyễn Thị Ánh");
  });

  it("explains each refusal in both languages", () => {
    const r = name.safeParse("Lars\u202E");
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldErrors(r.error, translator("nb"))._form).toContain("skriveretningen");
    expect(fieldErrors(r.error, translator("en"))._form).toContain("writing direction");
  });

  it("compares e-mail addresses without invisible characters", () => {
    expect(emailSchema.parse("\u2060Astrid\u200B.Berg@Samrad.example\uFEFF")).toBe("astrid.berg@samrad.example");
  });

  it("refuses impossible dates instead of rolling them over", () => {
    for (const bad of ["2026-02-31", "2026-13-01", "2025-02-29", "2026-00-10"]) expect(dateOnly.safeParse(bad).success, bad).toBe(false);
    expect(dateOnly.parse("2028-02-29")).toBe("2028-02-29");
  });
});

describe("a new document's kind follows its group", () => {
  it("minutes in the steering group, notes in a project group, recommendations in a competence group", async () => {
    const { defaultDocumentKind } = await import("./document.ts");
    expect(defaultDocumentKind("STEERING")).toBe("MINUTES");
    expect(defaultDocumentKind("PROJECT")).toBe("NOTE");
    expect(defaultDocumentKind("COMPETENCE")).toBe("RECOMMENDATION");
  });
});
