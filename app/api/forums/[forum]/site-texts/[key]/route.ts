import { updateSiteText } from "@/lib/commands/site-texts";
import { forumRoute } from "@/lib/http/forum-route";
import { AppError } from "@/lib/services/errors";
import { siteTextKeySchema, siteTextSchema } from "@/lib/validation/site-text";

/** Replaces the privacy or accessibility statement (the forum's administrators; stale `version` is 409). */
export const PATCH = forumRoute<{ forum: string; key: string }, typeof siteTextSchema>({ role: "admin", body: siteTextSchema }, async ({ params, caller, body }) => {
  const key = siteTextKeySchema.safeParse(params.key);
  if (!key.success) throw new AppError("not_found");
  return { siteText: await updateSiteText(caller, key.data, body) };
});
