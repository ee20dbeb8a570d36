import { oneTimePasswordExpiresAt } from "../auth/limits.ts";
import { generateOneTimePassword, hashPassword } from "../auth/password.ts";
import { countForumAdmins, countUserForums, createUserInForum, findForumMember, findUserByEmail, resetPassword, setForumRole } from "../db/users.ts";
import { leavesNoAdministrator, userAbilities } from "../policies/user.ts";
import { AppError } from "../services/errors.ts";
import type { UserCreateInput } from "../validation/user.ts";
import { mustAdminister, runCommand, type CommandCaller } from "./command.ts";

/**
 * Creates a user in the forum with a one-time password, shown once and never stored in clear.
 * The e-mail is unique: of parallel creates with one address, one wins and the rest get 409.
 */
export async function createUser(caller: CommandCaller, input: UserCreateInput) {
  const oneTimePassword = generateOneTimePassword();
  // Hashing is slow on purpose; it happens before the transaction so it never holds the database.
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (await findUserByEmail(ctx.tx, input.email)) throw new AppError("conflict", "errors.emailTaken");
    return createUserInForum(ctx.tx, ctx.actor, ctx.standing.forum.id, {
      name: input.name, email: input.email, forumRole: input.forumRole, passwordHash, mustChangePassword: true,
      oneTimePasswordExpiresAt: oneTimePasswordExpiresAt(),
    });
  }, { uniqueMessage: "errors.emailTaken" });
  return { user, oneTimePassword };
}

/** Sets a member's forum role. The forum keeps at least one administrator, also under parallel calls. */
export function setMemberForumRole(caller: CommandCaller, userId: string, role: "ADMIN" | "PROJECT_LEADER" | "MEMBER") {
  return runCommand(caller, async (ctx) => {
    const forumId = ctx.standing.forum.id;
    if (!userAbilities(ctx.standing, { forumCount: 1 }).setRole) throw new AppError("forbidden");
    const member = await findForumMember(ctx.tx, forumId, userId);
    if (!member) throw new AppError("not_found");
    if (leavesNoAdministrator({ fromRole: member.role, toRole: role, adminsBefore: await countForumAdmins(ctx.tx, forumId) })) {
      throw new AppError("conflict", "errors.lastAdmin");
    }
    const updated = await setForumRole(ctx.tx, ctx.actor, forumId, userId, role);
    ctx.emit({ type: "access.changed", forumId, userId });
    return updated;
  });
}

/** Gives a member a new one-time password; they must choose their own at next sign-in. */
export async function resetMemberPassword(caller: CommandCaller, userId: string) {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await runCommand(caller, async (ctx) => {
    mustAdminister(ctx);
    if (!(await findForumMember(ctx.tx, ctx.standing.forum.id, userId))) throw new AppError("not_found");
    if (!userAbilities(ctx.standing, { forumCount: await countUserForums(ctx.tx, userId) }).resetPassword) {
      throw new AppError("forbidden", "errors.userInOtherForums");
    }
    await resetPassword(ctx.tx, ctx.actor, ctx.standing.forum.id, userId, passwordHash, oneTimePasswordExpiresAt());
    // The old password's sessions end, and their open sockets with them.
    ctx.emit({ type: "session.revoked", userId });
  });
  return { oneTimePassword };
}
