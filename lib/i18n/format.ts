import type { Locale } from "./index.ts";

/** Date and time in the reader's language, always in Norwegian time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(date);
}


/** A calendar date in the reader's language ("30. november 2026"), in Norwegian time. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: "Europe/Oslo" }).format(date);
}

/** A figure in the reader's language ("1 234,5" in Bokmål), at most two decimals. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "nb" ? "nb-NO" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}
