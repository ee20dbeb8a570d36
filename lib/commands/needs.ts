import { loadForumItem } from "../db/actions.ts";
import { findDocumentForRoom } from "../db/documents.ts";
import { deleteNeedLink, findNeed, insertNeed, insertNeedLink, insertRegion, updateNeed as writeNeed, type NeedRow } from "../db/needs.ts";
import type { DbClient } from "../db/types.ts";
import { actionAbilities } from "../policies/action.ts";
import { documentAbilities, documentFacts } from "../policies/document.ts";
import { mayCreateNeedIn, mayLinkNeed, mayManageRegions, needAbilities, needFacts } from "../policies/need.ts";
import { presentNeed, type NeedView } from "../presenters/need.ts";
import { AppError } from "../services/errors.ts";
import type { NeedCreateInput, NeedUpdateInput } from "../validation/need.ts";
import { assertVersion, runCommand, type CommandCaller, type CommandContext } from "./command.ts";
import { checkTargetAreas, groupOrThrow } from "./references.ts";

async function needOrThrow(ctx: CommandContext, id: string): Promise<NeedRow> {
  const need = await findNeed(ctx.tx, ctx.standing.forum.id, id);
  if (!need) throw new AppError("not_found");
  return need;
}

/** A region of the forum (or none: the county as a whole). */
async function checkRegion(tx: DbClient, forumId: string, regionId: string | null | undefined) {
  if (!regionId) return;
  const region = await tx.region.findFirst({ where: { id: regionId, forumId, archivedAt: null }, select: { id: true } });
  if (!region) throw new AppError("invalid_input", "errors.unknownRegion");
}

const changed = (ctx: CommandContext) => ctx.emit({ type: "needs.changed", forumId: ctx.standing.forum.id });

/** A need typed in by someone who works in the owning group. */
export function createNeed(caller: CommandCaller, input: NeedCreateInput): Promise<NeedView> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    const { groupId, ...fields } = input;
    await groupOrThrow(tx, standing.forum.id, groupId);
    if (!mayCreateNeedIn(standing, groupId)) throw new AppError("forbidden");
    await checkTargetAreas(tx, standing.forum.id, [fields.targetAreaId]);
    await checkRegion(tx, standing.forum.id, fields.regionId);
    const need = await insertNeed(tx, ctx.actor, standing.forum.id, groupId, fields);
    changed(ctx);
    return presentNeed(standing, need);
  });
}

/**
 * Edits, archives or restores a need (with history in the audit trail); a stale version is a 409
 * with the need as it is now.
 */
export function updateNeed(caller: CommandCaller, id: string, input: NeedUpdateInput): Promise<NeedView> {
  return runCommand(caller, async (ctx) => {
    const { tx, standing } = ctx;
    const before = await needOrThrow(ctx, id);
    const { version, archived, ...fields } = input;
    const facts = needFacts(before);
    const abilities = needAbilities(standing, facts);
    const archiving = archived === true && !facts.archived;
    const restoring = archived === false && facts.archived;
    const editing = Object.keys(fields).length > 0;
    if ((archiving && !abilities.archive) || (restoring && !abilities.restore) || (editing && !abilities.update && !restoring)) throw new AppError("forbidden");
    if (!archiving && !restoring && !editing) throw new AppError("forbidden");
    assertVersion(version, before, () => presentNeed(standing, before));
    await checkTargetAreas(tx, standing.forum.id, [fields.targetAreaId]);
    await checkRegion(tx, standing.forum.id, fields.regionId);
    const after = await writeNeed(tx, ctx.actor, before, { ...fields, ...(archived === undefined ? {} : { archived }) });
    changed(ctx);
    return presentNeed(standing, after);
  });
}

type LinkTarget = { documentId: string } | { actionItemId: string };

/** Whether the caller may change the recommendation or action (404 when it is not the forum's, 400 for a document that is not a recommendation). */
async function targetUpdate(ctx: CommandContext, target: LinkTarget): Promise<boolean> {
  const { tx, standing } = ctx;
  if ("documentId" in target) {
    const doc = await findDocumentForRoom(tx, target.documentId);
    if (!doc || doc.forumId !== standing.forum.id) throw new AppError("not_found");
    const kind = await tx.document.findUnique({ where: { id: doc.id }, select: { kind: true } });
    if (kind?.kind !== "RECOMMENDATION") throw new AppError("invalid_input", "errors.linkRecommendationsOnly");
    return documentAbilities(standing, documentFacts(doc)).update;
  }
  const item = await loadForumItem(tx, standing.forum.id, target.actionItemId);
  if (!item) throw new AppError("not_found");
  return actionAbilities(standing, { groupId: item.groupId, ownerId: item.owner?.id ?? null }).update;
}

/**
 * Says that a recommendation or an action answers a need (or no longer does). Those who keep the
 * need may, and those who may change the recommendation or action.
 */
export function setNeedLink(caller: CommandCaller, needId: string, target: LinkTarget, linked: boolean): Promise<NeedView> {
  return runCommand(
    caller,
    async (ctx) => {
      const { tx, standing } = ctx;
      const need = await needOrThrow(ctx, needId);
      if (!mayLinkNeed(standing, needFacts(need), await targetUpdate(ctx, target))) throw new AppError("forbidden");
      if (linked) await insertNeedLink(tx, ctx.actor, need, target);
      else if (!(await deleteNeedLink(tx, ctx.actor, need, target))) throw new AppError("not_found");
      changed(ctx);
      return presentNeed(standing, (await findNeed(tx, standing.forum.id, needId))!);
    },
    { uniqueMessage: "errors.alreadyLinked" },
  );
}

/** A municipality (or the county) in the forum's list of regions. */
export function createRegion(caller: CommandCaller, data: { name: string; kind: string; code: string | null }) {
  return runCommand(
    caller,
    async (ctx) => {
      if (!mayManageRegions(ctx.standing)) throw new AppError("forbidden");
      return insertRegion(ctx.tx, ctx.actor, ctx.standing.forum.id, data);
    },
    { uniqueMessage: "errors.regionNameTaken" },
  );
}
