import { updateNeed } from "@/lib/commands/needs";
import { db } from "@/lib/db/client";
import { findNeed } from "@/lib/db/needs";
import { forumRoute } from "@/lib/http/forum-route";
import { presentNeed } from "@/lib/presenters/need";
import { AppError } from "@/lib/services/errors";
import { needUpdateSchema } from "@/lib/validation/need";

type Params = { forum: string; needId: string };

export const GET = forumRoute<Params>({}, async ({ params, access }) => {
  const need = await findNeed(db(), access.forum.id, params.needId);
  if (!need) throw new AppError("not_found");
  return { need: presentNeed(access, need) };
});

/** Edits, archives or restores the need (with the version it was opened on). */
export const PATCH = forumRoute<Params, typeof needUpdateSchema>({ body: needUpdateSchema }, async ({ params, caller, body }) => ({
  need: await updateNeed(caller, params.needId, body),
}));
