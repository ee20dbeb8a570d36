import { z } from "zod";
import { LOCALES } from "../i18n/index.ts";

export const LIMITS = {
  nameMin: 2,
  nameMax: 120,
  groupNameMax: 80,
  mandateMax: 4000,
  descriptionMax: 2000,
  periodMax: 40,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  /** Largest JSON body a mutation accepts, in bytes. */
  bodyMax: 64 * 1024,
  /** Combining marks on one character (Vietnamese needs 2, stacked Indic signs a few; "Zalgo" hundreds). */
  combiningMarksMax: 6,
} as const;

// Invisible characters that only hide what a text says: stripped, so that "Astrid\u200BBerg" and
// "AstridBerg" are one name (zero-width space, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator).
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/g;
// Bidi embeddings, overrides and isolates: they reorder what is shown ("Lars Haugen\u202E (admin)").
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// C0/C1 control characters (NUL, ESC…); multi-line text may keep tab and newline.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const FORMAT_CHARS = /\p{Cf}/gu;
const COMBINING_MARK = /\p{M}/gu;
const HAS_COMBINING_MARK = /\p{M}/u;

/** Whether a string is well-formed UTF-16: in a `u` regex a lone surrogate is a code point of category Cs. */
export function isWellFormedText(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Characters that are each one grapheme and visible: printable ASCII, Latin letters without
// combining marks, dashes, quotes and the euro sign (the soft hyphen, a format character, is left
// out). Text made only of them needs no segmenting: that is most text, and it makes the checks of a
// 50,000-row import several times faster.
const SIMPLE_TEXT = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u20AC]*$/;

/** How many characters a reader sees: grapheme clusters, not counting zero-width and format characters. */
export function visibleLength(value: string): number {
  if (SIMPLE_TEXT.test(value)) return value.length;
  let count = 0;
  for (const { segment } of graphemes.segment(value)) if (segment.replace(FORMAT_CHARS, "").length > 0) count++;
  return count;
}

/** Whether any character carries more than LIMITS.combiningMarksMax combining marks. */
function tooManyCombiningMarks(value: string): boolean {
  if (!HAS_COMBINING_MARK.test(value)) return false;
  for (const { segment } of graphemes.segment(value)) {
    if ((segment.match(COMBINING_MARK)?.length ?? 0) > LIMITS.combiningMarksMax) return true;
  }
  return false;
}

/** The stored form of typed text: NFC, newlines as \n, invisible characters removed, trimmed. */
export function normaliseText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "").trim();
}

/**
 * The one schema for text a person types (names, titles, descriptions, mandates, notes, reasons):
 * NFC-normalised and trimmed, no control characters (tab and newline only when `multiline`), no bidi
 * overrides or isolates, at most LIMITS.combiningMarksMax marks on a character, well-formed Unicode,
 * and `min` counted in visible characters. `max` counts UTF-16 code units (what the database stores).
 */
export function text(min: number, max: number, opts: { multiline?: boolean } = {}) {
  const control = opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
  return z
    .string()
    .refine(isWellFormedText, { error: "validation.unicode", abort: true })
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .max(max)
        .refine((v) => !control.test(v), { error: "validation.controlCharacters", abort: true })
        .refine((v) => !BIDI_CONTROLS.test(v), { error: "validation.bidiControls", abort: true })
        .refine((v) => !tooManyCombiningMarks(v), { error: "validation.combiningMarks", abort: true })
        .superRefine((v, ctx) => {
          if (visibleLength(v) < min) ctx.addIssue({ code: "too_small", origin: "string", minimum: min, inclusive: true, input: v });
        }),
    );
}

/** Free text that may be empty and span lines (descriptions, mandates, notes, reasons). */
export const longText = (max: number) => text(0, max, { multiline: true });

export const idSchema = z.string().regex(/^[a-z0-9]{8,40}$/i, { error: "validation.id" });

export const emailSchema = z
  .string()
  // Invisible characters do not make another address: "a\u200B@x.no" is "a@x.no".
  .transform((v) => v.normalize("NFC").replace(FORMAT_CHARS, "").replace(INVISIBLE, ""))
  .pipe(z.string().trim().toLowerCase().max(LIMITS.emailMax).pipe(z.email({ error: "validation.email" })));

export const localeSchema = z.enum(LOCALES);

/** The version of a record an edit was made on (optimistic concurrency). */
export const versionSchema = z.number().int().min(1).max(2_147_483_647);
