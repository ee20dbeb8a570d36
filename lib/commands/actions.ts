import { createItem, loadForumItem, replaceRaci, updateItem } from "../db/actions.ts";
import { isLinkedToNeeds } from "../db/gap.ts";
import { actionAbilities, mayApplyActionUpdate } from "../policies/action.ts";
import { groupAbilities } from "../policies/group.ts";
import { accountableCount, withAccountable } from "../policies/responsibility.ts";
import { presentAction, type PresentedAction } from "../presenters/action.ts";
import { indexAction } from "../search/index.ts";
import { AppError } from "../services/errors.ts";
import { notificationsFor } from "../services/notify.ts";
import type { AccountableMoveInput, ActionBulkInput, ActionCreateInput, ActionUpdateInput, RaciInput } from "../validation/action.ts";
import { assertVersion, runCommand, type CommandCaller, type CommandContext } from "./command.ts";
import { checkAnchor, checkOwner, checkParties, checkTargetAreas, groupOrThrow } from "./references.ts";

async function itemOrThrow(ctx: CommandContext, id: string) {
  const item = await loadForumItem(ctx.tx, ctx.standing.forum.id, id);
  if (!item) throw new AppError("not_found");
  return item;
}

/** A new action item on a group's board. */
export function createAction(caller: CommandCaller, groupId: string, input: ActionCreateInput): Promise<PresentedAction> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    await groupOrThrow(tx, standing.forum.id, groupId);
    if (!groupAbilities(standing, { id: groupId }).createAction) throw new AppError("forbidden");
    await checkOwner(tx, standing.forum.id, input.ownerId);
    await checkTargetAreas(tx, standing.forum.id, [input.targetAreaId]);
    await checkAnchor(tx, groupId, input.anchor);
    const item = await createItem(tx, ctx.actor, standing.forum.id, groupId, input);
    await indexAction(tx, item.id);
    await ctx.notify(notificationsFor(standing.forum.id, ctx.actor.userId, null, item));
    ctx.emit({ type: "board.changed", groupId });
    return presentAction(standing, item);
  });
}

/** Edits, reassigns, closes or reopens an item; a stale version is a 409 with the current item. */
export function updateAction(caller: CommandCaller, id: string, input: ActionUpdateInput): Promise<PresentedAction> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    const before = await itemOrThrow(ctx, id);
    const { version, ...fields } = input;
    if (!mayApplyActionUpdate(actionAbilities(standing, { groupId: before.groupId, ownerId: before.owner?.id ?? null }), Object.keys(fields))) {
      throw new AppError("forbidden");
    }
    assertVersion(version, before, () => presentAction(standing, before));
    await checkOwner(tx, standing.forum.id, fields.ownerId);
    await checkTargetAreas(tx, standing.forum.id, [fields.targetAreaId]);
    const after = await updateItem(tx, ctx.actor, standing.forum.id, before, fields);
    await indexAction(tx, id);
    await ctx.notify(notificationsFor(standing.forum.id, ctx.actor.userId, before, after));
    ctx.emit({ type: "board.changed", groupId: after.groupId });
    // A linked action's status decides whether it covers its needs: open gap views recount.
    if (after.status !== before.status && (await isLinkedToNeeds(tx, { actionItemId: id }))) ctx.emit({ type: "needs.changed", forumId: standing.forum.id });
    return presentAction(standing, after);
  });
}

/** Replaces an item's RACI. At most one Accountable holds under parallel calls (checked in the transaction). */
export function setActionResponsibilities(caller: CommandCaller, id: string, input: RaciInput): Promise<PresentedAction> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    const before = await itemOrThrow(ctx, id);
    if (!actionAbilities(standing, { groupId: before.groupId, ownerId: before.owner?.id ?? null }).setRaci) throw new AppError("forbidden");
    assertVersion(input.version, before, () => presentAction(standing, before));
    if (accountableCount(input.assignments) > 1) throw new AppError("invalid_input", "validation.oneAccountable");
    await checkParties(tx, standing.forum.id, input.assignments);
    const after = await replaceRaci(tx, ctx.actor, standing.forum.id, before, input.assignments);
    await ctx.notify(notificationsFor(standing.forum.id, ctx.actor.userId, before, after));
    ctx.emit({ type: "board.changed", groupId: after.groupId });
    return presentAction(standing, after);
  });
}

/** One item a bulk change did not touch, and why (an AppError's code and message, e.g. forbidden or stale). */
export interface BulkRefusal {
  id: string;
  code: AppError["code"];
  messageKey: AppError["messageKey"];
  vars: AppError["vars"];
}

/**
 * One change (status, owner or due date) for several items. Each item goes through `updateAction`
 * on its own — its own policy check, version check, transaction, audit event, notifications and
 * board update — so an item that is refused (no right, changed meanwhile, gone) leaves the others
 * changed. Items are handled one after another, in the order given; only expected refusals
 * (AppError) are collected, anything else stops the run like any other failed command.
 */
export async function bulkUpdateActions(caller: CommandCaller, input: ActionBulkInput): Promise<{ changed: PresentedAction[]; refused: BulkRefusal[] }> {
  const changed: PresentedAction[] = [];
  const refused: BulkRefusal[] = [];
  // A new owner who is not in the forum is bad input for the whole request: refused before any item changes.
  const change = input.change;
  if ("ownerId" in change) await runCommand(caller, (ctx) => checkOwner(ctx.tx, ctx.standing.forum.id, change.ownerId));
  for (const { id, version } of input.items) {
    try {
      changed.push(await updateAction(caller, id, { version, ...input.change }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id, code: error.code, messageKey: error.messageKey, vars: error.vars });
    }
  }
  return { changed, refused };
}

/**
 * Moves the Accountable (A) of an item to one person or group in one step: the one who held A
 * stays on the item as Responsible (R), and the owner follows (the new A when a person, else none).
 * Asking for the party that already is A changes nothing.
 */
export function moveActionAccountable(caller: CommandCaller, id: string, input: AccountableMoveInput): Promise<PresentedAction> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    const before = await itemOrThrow(ctx, id);
    if (!actionAbilities(standing, { groupId: before.groupId, ownerId: before.owner?.id ?? null }).setRaci) throw new AppError("forbidden");
    assertVersion(input.version, before, () => presentAction(standing, before));
    const to = input.userId ? { userId: input.userId } : { groupId: input.groupId! };
    await checkParties(tx, standing.forum.id, [to]);
    const current = before.raci.find((r) => r.role === "A");
    if (current && (to.userId ? current.user?.id === to.userId : current.group?.id === to.groupId)) return presentAction(standing, before);
    const after = await replaceRaci(tx, ctx.actor, standing.forum.id, before, withAccountable(before.raci, to));
    await ctx.notify(notificationsFor(standing.forum.id, ctx.actor.userId, before, after));
    ctx.emit({ type: "board.changed", groupId: after.groupId });
    return presentAction(standing, after);
  });
}
