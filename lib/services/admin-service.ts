import { hashPassword, generateOneTimePassword } from "../auth/password.ts";
import { db } from "../db/client.ts";
import {
  addMember, createGroup, findGroup, findMembership, groupNameTaken, removeMember, setMemberRole, updateGroup, type Actor,
} from "../db/groups.ts";
import { createTargetArea, targetAreaNameTaken, updateTargetArea } from "../db/target-areas.ts";
import {
  countForumAdmins, countUserForums, createUserInForum, findForumMember, findUserByEmail, resetPassword, setForumRole,
} from "../db/users.ts";
import type { ForumAccess } from "../db/forums.ts";
import type { GroupCreateInput, GroupUpdateInput, MembershipAddInput } from "../validation/group.ts";
import type { TargetAreaCreateInput, TargetAreaUpdateInput } from "../validation/target-area.ts";
import type { UserCreateInput } from "../validation/user.ts";
import { announceAccessChange } from "../realtime/access-events.ts";
import { AppError } from "./errors.ts";

// Forum administration. Callers have already checked that `access` administers the forum
// (lib/services/access.ts) and validated the input with the shared schema.

async function groupOrThrow(forumId: string, groupId: string) {
  const group = await findGroup(db(), forumId, groupId);
  if (!group) throw new AppError("not_found");
  return group;
}

export async function adminCreateGroup(access: ForumAccess, actor: Actor, input: GroupCreateInput) {
  if (await groupNameTaken(db(), access.forum.id, input.name)) throw new AppError("conflict", "errors.groupNameTaken");
  return createGroup(db(), actor, access.forum.id, input);
}

export async function adminUpdateGroup(access: ForumAccess, actor: Actor, groupId: string, input: GroupUpdateInput) {
  await groupOrThrow(access.forum.id, groupId);
  if (input.name && (await groupNameTaken(db(), access.forum.id, input.name, groupId))) {
    throw new AppError("conflict", "errors.groupNameTaken");
  }
  const updated = await updateGroup(db(), actor, access.forum.id, groupId, input);
  if (!updated) throw new AppError("not_found");
  return updated;
}

export async function adminAddMember(access: ForumAccess, actor: Actor, groupId: string, input: MembershipAddInput) {
  await groupOrThrow(access.forum.id, groupId);
  // Only people already in the forum can join its groups.
  if (!(await findForumMember(db(), access.forum.id, input.userId))) throw new AppError("not_found", "errors.userNotInForum");
  if (await findMembership(db(), groupId, input.userId)) throw new AppError("conflict", "errors.alreadyMember");
  const added = await addMember(db(), actor, access.forum.id, groupId, input.userId, input.role);
  announceAccessChange({ forumId: access.forum.id, userId: input.userId });
  return added;
}

export async function adminSetMemberRole(access: ForumAccess, actor: Actor, groupId: string, userId: string, role: "MEMBER" | "LEAD") {
  await groupOrThrow(access.forum.id, groupId);
  const updated = await setMemberRole(db(), actor, access.forum.id, groupId, userId, role);
  if (!updated) throw new AppError("not_found");
  announceAccessChange({ forumId: access.forum.id, userId });
  return updated;
}

export async function adminRemoveMember(access: ForumAccess, actor: Actor, groupId: string, userId: string) {
  await groupOrThrow(access.forum.id, groupId);
  const removed = await removeMember(db(), actor, access.forum.id, groupId, userId);
  if (!removed) throw new AppError("not_found");
  // Open live documents of the group become read-only for them at once.
  announceAccessChange({ forumId: access.forum.id, userId });
  return removed;
}

export async function adminCreateTargetArea(access: ForumAccess, actor: Actor, input: TargetAreaCreateInput) {
  if (await targetAreaNameTaken(db(), access.forum.id, input.name)) throw new AppError("conflict", "errors.targetAreaNameTaken");
  return createTargetArea(db(), actor, access.forum.id, input);
}

export async function adminUpdateTargetArea(access: ForumAccess, actor: Actor, id: string, input: TargetAreaUpdateInput) {
  if (input.name && (await targetAreaNameTaken(db(), access.forum.id, input.name, id))) {
    throw new AppError("conflict", "errors.targetAreaNameTaken");
  }
  const updated = await updateTargetArea(db(), actor, access.forum.id, id, input);
  if (!updated) throw new AppError("not_found");
  return updated;
}

/** Creates a user in the forum and returns the one-time password, which is shown once and never stored in clear. */
export async function adminCreateUser(access: ForumAccess, actor: Actor, input: UserCreateInput) {
  if (await findUserByEmail(db(), input.email)) throw new AppError("conflict", "errors.emailTaken");
  const oneTimePassword = generateOneTimePassword();
  const user = await createUserInForum(db(), actor, access.forum.id, {
    name: input.name, email: input.email, forumRole: input.forumRole,
    passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true,
  });
  return { user, oneTimePassword };
}

export async function adminSetForumRole(access: ForumAccess, actor: Actor, userId: string, role: "ADMIN" | "PROJECT_LEADER" | "MEMBER") {
  const member = await findForumMember(db(), access.forum.id, userId);
  if (!member) throw new AppError("not_found");
  // A forum must keep at least one administrator, or nobody could repair it from the screens.
  if (member.role === "ADMIN" && role !== "ADMIN" && (await countForumAdmins(db(), access.forum.id)) <= 1) {
    throw new AppError("conflict", "errors.lastAdmin");
  }
  const updated = await setForumRole(db(), actor, access.forum.id, userId, role);
  announceAccessChange({ forumId: access.forum.id, userId });
  return updated;
}

export async function adminResetPassword(access: ForumAccess, actor: Actor, userId: string) {
  if (!(await findForumMember(db(), access.forum.id, userId))) throw new AppError("not_found");
  // An administrator of one forum must not take over an account that also works in another.
  if ((await countUserForums(db(), userId)) > 1) throw new AppError("forbidden", "errors.userInOtherForums");
  const oneTimePassword = generateOneTimePassword();
  await resetPassword(db(), actor, access.forum.id, userId, await hashPassword(oneTimePassword));
  return { oneTimePassword };
}
