import { updateForumSettings } from "@/lib/commands/approvals";
import { forumRoute } from "@/lib/http/forum-route";
import { forumSettingsSchema } from "@/lib/validation/approval";

/** The forum's decision rules and public-page switch (administrators; stale `version` is 409). */
export const PATCH = forumRoute<{ forum: string }, typeof forumSettingsSchema>({ role: "admin", body: forumSettingsSchema }, async ({ caller, body }) => ({
  settings: await updateForumSettings(caller, body),
}));
