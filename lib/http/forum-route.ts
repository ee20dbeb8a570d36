import type { z } from "zod";
import type { SessionUser } from "../auth/session.ts";
import type { CommandCaller } from "../commands/command.ts";
import { db } from "../db/client.ts";
import { findForumAccess, type ForumAccess } from "../db/forums.ts";
import type { Locale } from "../i18n/index.ts";
import { forumAbilities } from "../policies/forum.ts";
import { AppError } from "../services/errors.ts";
import { apiRoute, readBody } from "./api.ts";

export interface ForumRouteContext<P, B> {
  req: Request;
  params: P;
  locale: Locale;
  me: SessionUser;
  /** The caller's standing in the forum of the URL. */
  access: ForumAccess;
  /** Who a command runs as (user, client address, forum). */
  caller: CommandCaller;
  body: B;
}

/**
 * A route handler under /api/forums/<forum>: session (401) → forum membership (404, existence is
 * not revealed) → `role: "admin"` (403) → body against the zod schema (400) → the handler.
 * `status` sets the success status (201 for creates); a returned Response is passed through.
 */
export function forumRoute<P extends { forum: string }, S extends z.ZodType | undefined = undefined>(
  spec: { role?: "admin"; body?: S; status?: number; headers?: Record<string, string> },
  handler: (ctx: ForumRouteContext<P, S extends z.ZodType ? z.output<S> : undefined>) => Promise<unknown>,
) {
  return apiRoute<P>(async (ctx) => {
    const { req, params, ip, user } = ctx;
    const me = await user();
    const locale = ctx.locale;
    const access = await findForumAccess(db(), me.id, params.forum);
    if (!access) throw new AppError("not_found");
    if (spec.role === "admin" && !forumAbilities(access).administer) throw new AppError("forbidden");
    const body = (spec.body ? await readBody(req, spec.body) : undefined) as S extends z.ZodType ? z.output<S> : undefined;
    const caller = { userId: me.id, ip, forumId: access.forum.id };
    const result = await handler({ req, params, locale, me, access, caller, body });
    if (result instanceof Response) return result;
    return Response.json(result ?? { ok: true }, { status: spec.status ?? 200, headers: spec.headers });
  });
}
