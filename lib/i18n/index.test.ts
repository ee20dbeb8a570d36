import { describe, expect, it } from "vitest";
import { en } from "../../messages/en.ts";
import { nb } from "../../messages/nb.ts";
import { nn } from "../../messages/nn.ts";
import { formatDate, formatDay, formatNumber } from "./format.ts";
import { LOCALES, localeFromAcceptLanguage, translator, type Locale } from "./index.ts";

type Tree = { [key: string]: string | Tree };
const catalogues: Record<Locale, Tree> = { nb, nn, en };

/** Every message as "dotted.key" → its text; a plural message gives one entry per form ("key#one"). */
function messages(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of messages(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe("i18n", () => {
  const nbMessages = messages(nb);

  it.each(LOCALES.filter((l) => l !== "nb"))("%s has every key of nb, no other key, and the same placeholders", (locale) => {
    const other = messages(catalogues[locale]);
    const missing = [...nbMessages.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !nbMessages.has(k));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    for (const [key, text] of nbMessages) expect(placeholders(other.get(key)!), `${locale}: ${key}`).toEqual(placeholders(text));
    // No message left empty where nb has text.
    expect([...other].filter(([k, v]) => v.trim() === "" && nbMessages.get(k)!.trim() !== "").map(([k]) => k)).toEqual([]);
  });

  it("is really Nynorsk, not Bokmål: no Bokmål-only words in nn", () => {
    // Words that are wrong in Nynorsk; each one is common in the Bokmål catalogue.
    const bokmal = /(?<!\p{L})(ikke|hva|hvem|hvordan|hvis|også|ble|noen|nå|bare|ennå|fra|hele|mye|gjøre|være|deres|hennes|enn så lenge|dere)(?!\p{L})/iu;
    const found = [...messages(nn)].filter(([, v]) => bokmal.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
    // And it is not a copy of nb: most sentences differ (about one in ten is rightly the same in
    // both, such as «Side {page} av {pages}» or «Logg inn med {name}»).
    const sentences = [...nbMessages].filter(([, v]) => v.split(" ").length >= 4);
    const same = sentences.filter(([k, v]) => messages(nn).get(k) === v);
    expect(same.length / sentences.length).toBeLessThan(0.2);
  });

  it("fills placeholders and speaks Norwegian by default", () => {
    expect(translator("nb")("forum.members", { count: 3 })).toBe("3 medlemmer");
    expect(translator("nn")("forum.members", { count: 3 })).toBe("3 medlemer");
    expect(translator("en")("forum.members", { count: 3 })).toBe("3 members");
  });

  it("takes plural forms from Intl.PluralRules", () => {
    const cases: [Locale, number | string, string][] = [
      ["nb", 1, "1 medlem"], ["nb", 0, "0 medlemmer"], ["nb", 2, "2 medlemmer"],
      ["nn", 1, "1 medlem"], ["nn", 21, "21 medlemer"],
      ["en", 1, "1 member"], ["en", "1 001", "1 001 members"],
    ];
    for (const [locale, count, text] of cases) expect(translator(locale)("forum.members", { count })).toBe(text);
    expect(translator("en")("notifications.changeSummary.changes", { count: 1, editors: "Ada" })).toBe("1 change by Ada");
    expect(translator("nn")("approval.steeringCallout", { count: 1 })).toBe("1 sak ventar på styringsgruppa.");
  });

  it("formats dates and numbers in each language", () => {
    const d = new Date("2026-11-30T12:00:00Z");
    expect(formatDate(d, "nb")).toBe("30. november 2026");
    expect(formatDate(d, "nn")).toBe("30. november 2026");
    expect(formatDate(d, "en")).toBe("30 November 2026");
    expect(formatDay("2026-03-01", "nn", "long")).toBe("1. mars 2026");
    expect(formatNumber(1234.5, "nn")).toBe("1\u00a0234,5");
  });

  it("picks the language from Accept-Language", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("nn-NO,nb;q=0.9")).toBe("nn");
    expect(localeFromAcceptLanguage("no,en;q=0.5")).toBe("nb");
    expect(localeFromAcceptLanguage("de-DE")).toBe("nb");
    expect(localeFromAcceptLanguage(null)).toBe("nb");
  });
});
