import { addMember, countLeads, createGroup as insertGroup, findMembership, groupNameTaken, removeMember, setMemberRole, updateGroup as writeGroup } from "../db/groups.ts";
import { findForumMember } from "../db/users.ts";
import { groupAbilities, mayLeaveGroupWithoutLead } from "../policies/group.ts";
import { presentGroup, type GroupView } from "../presenters/admin.ts";
import { AppError } from "../services/errors.ts";
import type { GroupCreateInput, GroupUpdateInput, MembershipAddInput } from "../validation/group.ts";
import { assertVersion, mustAdminister, runCommand, type CommandCaller, type CommandContext } from "./command.ts";
import { groupOrThrow } from "./references.ts";

export function createGroup(caller: CommandCaller, input: GroupCreateInput): Promise<GroupView> {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (await groupNameTaken(ctx.tx, ctx.standing.forum.id, input.name)) throw new AppError("conflict", "errors.groupNameTaken");
    return presentGroup(await insertGroup(ctx.tx, ctx.actor, ctx.standing.forum.id, input));
  }, { uniqueMessage: "errors.groupNameTaken" });
}

export function updateGroup(caller: CommandCaller, groupId: string, input: GroupUpdateInput): Promise<GroupView> {
  return runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    const before = await groupOrThrow(ctx.tx, ctx.standing.forum.id, groupId);
    const { version, ...fields } = input;
    assertVersion(version, before, () => presentGroup(before));
    if (fields.name && (await groupNameTaken(ctx.tx, ctx.standing.forum.id, fields.name, groupId))) throw new AppError("conflict", "errors.groupNameTaken");
    const after = await writeGroup(ctx.tx, ctx.actor, ctx.standing.forum.id, groupId, fields);
    if (!after) throw new AppError("not_found");
    return presentGroup(after);
  }, { uniqueMessage: "errors.groupNameTaken" });
}

/** The group exists in the forum and the caller may manage its members (its leads, the administrators). */
async function mustManageMembers(ctx: CommandContext, groupId: string): Promise<void> {
  await groupOrThrow(ctx.tx, ctx.standing.forum.id, groupId);
  if (!groupAbilities(ctx.standing, { id: groupId }).manageMembers) throw new AppError("forbidden");
}

/** Refuses a removal or demotion that would leave a group that has a lead with none, unless the policy allows it. */
async function keepALead(ctx: CommandContext, groupId: string, userId: string): Promise<void> {
  if (mayLeaveGroupWithoutLead(ctx.standing)) return;
  const current = await findMembership(ctx.tx, groupId, userId);
  if (current?.role === "LEAD" && (await countLeads(ctx.tx, groupId)) <= 1) throw new AppError("conflict", "errors.lastLead");
}

export function addGroupMember(caller: CommandCaller, groupId: string, input: MembershipAddInput) {
  return runCommand(caller, async (ctx) => {
    await mustManageMembers(ctx, groupId);
    // Only people already in the forum can join its groups.
    if (!(await findForumMember(ctx.tx, ctx.standing.forum.id, input.userId))) throw new AppError("not_found", "errors.userNotInForum");
    if (await findMembership(ctx.tx, groupId, input.userId)) throw new AppError("conflict", "errors.alreadyMember");
    const added = await addMember(ctx.tx, ctx.actor, ctx.standing.forum.id, groupId, input.userId, input.role);
    ctx.emit({ type: "access.changed", forumId: ctx.standing.forum.id, userId: input.userId });
    return added;
  }, { uniqueMessage: "errors.alreadyMember" });
}

export function setGroupMemberRole(caller: CommandCaller, groupId: string, userId: string, role: "MEMBER" | "LEAD") {
  return runCommand(caller, async (ctx) => {
    await mustManageMembers(ctx, groupId);
    if (role === "MEMBER") await keepALead(ctx, groupId, userId);
    const updated = await setMemberRole(ctx.tx, ctx.actor, ctx.standing.forum.id, groupId, userId, role);
    if (!updated) throw new AppError("not_found");
    ctx.emit({ type: "access.changed", forumId: ctx.standing.forum.id, userId });
    return updated;
  });
}

export function removeGroupMember(caller: CommandCaller, groupId: string, userId: string) {
  return runCommand(caller, async (ctx) => {
    await mustManageMembers(ctx, groupId);
    await keepALead(ctx, groupId, userId);
    const removed = await removeMember(ctx.tx, ctx.actor, ctx.standing.forum.id, groupId, userId);
    if (!removed) throw new AppError("not_found");
    // Open live documents of the group become read-only for them at once.
    ctx.emit({ type: "access.changed", forumId: ctx.standing.forum.id, userId });
    return removed;
  });
}
