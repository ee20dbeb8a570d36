import { db } from "@/lib/db/client";
import { mentionableMembers } from "@/lib/db/comments";
import { forumRoute } from "@/lib/http/forum-route";

type Params = { forum: string };

/** The forum's active members by name (for @mentions); every member of the forum may ask. */
export const GET = forumRoute<Params>({}, async ({ access }) => ({
  members: (await mentionableMembers(db(), access.forum.id)).sort((a, b) => a.name.localeCompare(b.name, "nb")),
}));
