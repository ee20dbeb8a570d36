import { createRegion } from "@/lib/commands/needs";
import { db } from "@/lib/db/client";
import { listRegions } from "@/lib/db/needs";
import { forumRoute } from "@/lib/http/forum-route";
import { regionSchema } from "@/lib/validation/need";

type Params = { forum: string };

/** The forum's regions (the county and its municipalities). */
export const GET = forumRoute<Params>({}, async ({ access }) => ({ regions: await listRegions(db(), access.forum.id) }));

/** Adds a region (administrators and the project leader). */
export const POST = forumRoute<Params, typeof regionSchema>({ body: regionSchema, status: 201 }, async ({ caller, body }) => ({
  region: await createRegion(caller, body),
}));
