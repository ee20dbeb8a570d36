import { INTL_TAGS, type Locale } from "./index.ts";

// Building an Intl formatter costs far more than using one (a list of 30 dates built 30 of them;
// profiled under S8): one per language and kind, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
const tag = (locale: Locale) => INTL_TAGS[locale];

/** Date and time in the reader's language, always in Norwegian time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return formatter(`dateTime.${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" })).format(date);
}


/** A calendar date in the reader's language ("30. november 2026"), in Norwegian time. */
export function formatDate(date: Date, locale: Locale): string {
  return formatter(`date.${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: "long", timeZone: "Europe/Oslo" })).format(date);
}

/** A figure (a count or an amount, up to two decimals) in the reader's language: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, locale: Locale): string {
  return formatter(`number.${locale}`, () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 })).format(value);
}

/**
 * A calendar day stored as "2026-11-30" (a due date, a meeting day) in the reader's language; read at
 * noon UTC, so no time zone moves it to the day before or after.
 */
export function formatDay(day: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return formatter(`day.${style}.${locale}`, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: style, timeZone: "UTC" })).format(new Date(`${day}T12:00:00Z`));
}

/** Date and time of an ISO timestamp in the reader's language, in Norwegian time. */
export function formatTimestamp(iso: string, locale: Locale): string {
  return formatDateTime(new Date(iso), locale);
}
