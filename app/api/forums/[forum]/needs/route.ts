import { createNeed } from "@/lib/commands/needs";
import { db } from "@/lib/db/client";
import { listNeeds } from "@/lib/db/needs";
import { forumRoute } from "@/lib/http/forum-route";
import { presentNeed } from "@/lib/presenters/need";
import { AppError } from "@/lib/services/errors";
import { needCreateSchema, needListQuerySchema } from "@/lib/validation/need";

type Params = { forum: string };

/** One page of the needs register (everyone in the forum); filters and sort in the query string. */
export const GET = forumRoute<Params>({}, async ({ req, access }) => {
  const parsed = needListQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new AppError("invalid_input");
  const { sort, page, ...filter } = parsed.data;
  const { total, rows } = await listNeeds(db(), access.forum.id, filter, sort, { skip: (page - 1) * 50, take: 50 });
  return { total, page, needs: rows.map((n) => presentNeed(access, n)) };
});

/** A need typed in by someone who works in the owning group. */
export const POST = forumRoute<Params, typeof needCreateSchema>({ body: needCreateSchema, status: 201 }, async ({ caller, body }) => ({
  need: await createNeed(caller, body),
}));
