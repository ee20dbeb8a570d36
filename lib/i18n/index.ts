import { nb, type Messages } from "../../messages/nb.ts";
import { en } from "../../messages/en.ts";

export const LOCALES = ["nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";
/** Cookie that carries the language choice of a visitor who is not signed in. */
export const LOCALE_COOKIE = "samrad-locale";

const catalogues: Record<Locale, Messages> = { nb, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A dotted key into the message catalogue, checked by the compiler. */
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(catalogue: Messages, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Returns a translator for a locale; `{name}` placeholders are filled from `vars`. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, vars) => {
    const template = lookup(catalogue, key) ?? lookup(nb, key) ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("en")) return "en";
    if (tag.startsWith("nb") || tag.startsWith("no") || tag.startsWith("nn")) return "nb";
  }
  return DEFAULT_LOCALE;
}
