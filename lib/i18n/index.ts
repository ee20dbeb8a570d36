import { nb, type Messages } from "../../messages/nb.ts";
import { nn } from "../../messages/nn.ts";
import { en } from "../../messages/en.ts";

/** Norsk bokmål (the default), norsk nynorsk and English. */
export const LOCALES = ["nb", "nn", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";
/** Cookie that carries the language choice of a visitor who is not signed in. */
export const LOCALE_COOKIE = "samrad-locale";

const catalogues: Record<Locale, Messages> = { nb, nn, en };

/** The BCP 47 tag a language formats dates, numbers and plurals with. */
export const INTL_TAGS: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A message that depends on a number: one form per plural category the language uses (for our
 * three languages "one" and "other"; `Intl.PluralRules` picks). `{count}` is the number.
 */
export interface Plural {
  one: string;
  other: string;
}

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends Plural ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A dotted key into the message catalogue, checked by the compiler. */
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const isPlural = (node: unknown): node is Plural =>
  node !== null && typeof node === "object" && typeof (node as Plural).other === "string" && typeof (node as Plural).one === "string";

function lookup(catalogue: Messages, key: string): string | Plural | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" || isPlural(node) ? node : undefined;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralForm(locale: Locale, message: Plural, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_TAGS[locale])));
  const category = rules.select(count);
  return category === "one" ? message.one : message.other;
}

/**
 * Returns a translator for a locale; `{name}` placeholders are filled from `vars`. A plural message
 * takes its form from `vars.count` (a number; a formatted string such as "1 234" counts as other).
 */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, vars) => {
    const message = lookup(catalogue, key) ?? lookup(nb, key) ?? key;
    const template = typeof message === "string" ? message : pluralForm(locale, message, countOf(vars?.count));
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}

function countOf(count: string | number | undefined): number {
  if (typeof count === "number") return count;
  // Counts are sometimes passed formatted ("1 234"); read the digits back.
  const digits = typeof count === "string" ? count.replace(/[^\d]/g, "") : "";
  return digits ? Number(digits) : Number.NaN;
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("en")) return "en";
    if (tag.startsWith("nn")) return "nn";
    if (tag.startsWith("nb") || tag.startsWith("no")) return "nb";
  }
  return DEFAULT_LOCALE;
}
