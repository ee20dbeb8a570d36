import { findSiteText, writeSiteText } from "../db/site-texts.ts";
import { AppError } from "../services/errors.ts";
import type { SiteTextInput, SiteTextKey } from "../validation/site-text.ts";
import { assertVersion, mustAdminister, runCommand, type CommandCaller } from "./command.ts";

/** What leaves the server of a statement: its text and version (0 and an empty text: still the default). */
export interface SiteTextView {
  key: SiteTextKey;
  body: string;
  version: number;
}

const viewOf = (key: SiteTextKey, row: { body: string; version: number } | null): SiteTextView => ({ key, body: row?.body ?? "", version: row?.version ?? 0 });

/**
 * Replaces an installation-wide statement: any forum's administrators (asked in the forum they act
 * in, audited there). A stale `version` is a 409 with the current text.
 */
export function updateSiteText(caller: CommandCaller, key: SiteTextKey, input: SiteTextInput): Promise<SiteTextView> {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await findSiteText(ctx.tx, key);
    assertVersion(input.version, before ?? { version: 0 }, () => viewOf(key, before));
    const after = await writeSiteText(ctx.tx, ctx.actor, ctx.standing.forum.id, key, input.body, input.version);
    if (!after) throw new AppError("stale", "errors.stale", {}, { current: viewOf(key, await findSiteText(ctx.tx, key)) });
    return viewOf(key, after);
  }, { uniqueMessage: "errors.stale" });
}
