import { findGroup } from "../db/groups.ts";
import { countSavedViews, deleteSavedViewRow, findSavedView, insertSavedView } from "../db/saved-views.ts";
import { mayKeepViewsOf, savedViewAbilities } from "../policies/saved-view.ts";
import { presentSavedView, type PresentedSavedView } from "../presenters/saved-view.ts";
import { AppError } from "../services/errors.ts";
import { SAVED_VIEWS_PER_SCOPE_MAX, scopeGroupId, type SavedViewCreateInput, type SavedViewScope } from "../validation/saved-view.ts";
import { runCommand, type CommandCaller, type CommandContext } from "./command.ts";

/** Refuses a scope the caller may not keep views of; a group that is not (or no longer) in the forum is not found. */
export async function checkViewScope(ctx: Pick<CommandContext, "tx" | "standing">, scope: SavedViewScope): Promise<void> {
  const groupId = scopeGroupId(scope);
  if (groupId !== null && !(await findGroup(ctx.tx, ctx.standing.forum.id, groupId))) throw new AppError("not_found");
  if (!mayKeepViewsOf(ctx.standing, groupId === null ? { kind: "overview" } : { kind: "group", groupId })) throw new AppError("forbidden");
}

/**
 * Saves the current filters and view of a list under a name, for the caller alone. A name is
 * unique per person and list (409). Personal preferences, not forum data: not audited.
 */
export function createSavedView(caller: CommandCaller, input: SavedViewCreateInput): Promise<PresentedSavedView> {
  return runCommand(caller, async (ctx) => {
    await checkViewScope(ctx, input.scope);
    if ((await countSavedViews(ctx.tx, ctx.standing.forum.id, ctx.actor.userId, input.scope)) >= SAVED_VIEWS_PER_SCOPE_MAX) {
      throw new AppError("conflict", "views.tooMany", { max: SAVED_VIEWS_PER_SCOPE_MAX });
    }
    const row = await insertSavedView(ctx.tx, { forumId: ctx.standing.forum.id, userId: ctx.actor.userId, name: input.name, scope: input.scope, query: input.query });
    return presentSavedView(ctx.standing.forum.slug, row);
  }, { uniqueMessage: "views.nameTaken" });
}

/** Deletes one of the caller's own views; someone else's is not found (its existence is not revealed). */
export function deleteSavedView(caller: CommandCaller, id: string): Promise<void> {
  return runCommand(caller, async (ctx) => {
    const view = await findSavedView(ctx.tx, ctx.standing.forum.id, id);
    if (!view || !savedViewAbilities(ctx.standing, view).read) throw new AppError("not_found");
    if (!savedViewAbilities(ctx.standing, view).delete) throw new AppError("forbidden");
    await deleteSavedViewRow(ctx.tx, view.id);
  });
}
