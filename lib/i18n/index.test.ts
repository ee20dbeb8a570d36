import { describe, expect, it } from "vitest";
import { en } from "../../messages/en.ts";
import { nb } from "../../messages/nb.ts";
import { localeFromAcceptLanguage, translator } from "./index.ts";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe("i18n", () => {
  it("has the same keys and placeholders in both languages", () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
    const t = { nb: translator("nb"), en: translator("en") };
    for (const key of keys(nb)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(t.en(key as never)), key).toEqual(placeholders(t.nb(key as never)));
    }
  });

  it("fills placeholders and speaks Norwegian by default", () => {
    expect(translator("nb")("forum.members", { count: 3 })).toBe("3 medlemmer");
    expect(translator("en")("forum.members", { count: 3 })).toBe("3 members");
  });

  it("picks the language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("nn-NO,nb;q=0.9")).toBe("nb");
    expect(localeFromAcceptLanguage("de-DE")).toBe("nb");
    expect(localeFromAcceptLanguage(null)).toBe("nb");
  });
});
