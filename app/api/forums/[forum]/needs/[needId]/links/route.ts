import { setNeedLink } from "@/lib/commands/needs";
import { forumRoute } from "@/lib/http/forum-route";
import { needLinkSchema } from "@/lib/validation/need";

type Params = { forum: string; needId: string };

const target = (body: { documentId?: string; actionItemId?: string }) =>
  body.documentId ? { documentId: body.documentId } : { actionItemId: body.actionItemId! };

/** Says that a recommendation or action answers the need. */
export const POST = forumRoute<Params, typeof needLinkSchema>({ body: needLinkSchema, status: 201 }, async ({ params, caller, body }) => ({
  need: await setNeedLink(caller, params.needId, target(body), true),
}));

/** Removes that link. */
export const DELETE = forumRoute<Params, typeof needLinkSchema>({ body: needLinkSchema }, async ({ params, caller, body }) => ({
  need: await setNeedLink(caller, params.needId, target(body), false),
}));
