import { z } from "zod";
import { text } from "./common.ts";

/** The installation-wide texts: the privacy statement and the accessibility statement. */
export const SITE_TEXT_KEYS = ["privacy", "accessibility"] as const;
export type SiteTextKey = (typeof SITE_TEXT_KEYS)[number];
export const siteTextKeySchema = z.enum(SITE_TEXT_KEYS);

/** Longest statement, in characters. */
export const SITE_TEXT_MAX = 20_000;

/** An edit of a statement: the whole text, and the version it was opened on (0: the default text, no row yet). */
export const siteTextSchema = z.strictObject({
  body: text(1, SITE_TEXT_MAX, { multiline: true }),
  version: z.number().int().min(0).max(2_147_483_647),
});
export type SiteTextInput = z.infer<typeof siteTextSchema>;
