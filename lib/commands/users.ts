import { oneTimePasswordExpiresAt } from "../auth/limits.ts";
import { generateOneTimePassword, hashPassword } from "../auth/password.ts";
import { countForumAdmins, countUserForums, createUserInForum, findForumMember, findUserByEmail, resetPassword, setForumRole } from "../db/users.ts";
import { eraseUserData, findErasureTarget, forumsWithOnlyAdmin } from "../db/erasure.ts";
import { DEFAULT_LOCALE, translator } from "../i18n/index.ts";
import { erasureRefusal, leavesNoAdministrator, userAbilities } from "../policies/user.ts";
import { forumAbilities } from "../policies/forum.ts";
import { indexComment } from "../search/index.ts";
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

/**
 * Erases a person (GDPR art. 17): name, e-mail, password, sign-in attempts, notifications, follows,
 * saved views and their addresses in the audit log go; a pseudonym in the forum's language takes
 * their place in what stays (comments, votes, versions, actions, the audit chain). Their sessions end.
 */
export async function eraseMember(caller: CommandCaller, userId: string) {
  const result = await runCommand(caller, async (ctx) => {
    const person = await findErasureTarget(ctx.tx, userId);
    if (!person) throw new AppError("not_found");
    const memberHere = (await findForumMember(ctx.tx, ctx.standing.forum.id, userId)) !== null;
    const refusal = erasureRefusal(ctx.standing, {
      id: person.id, erased: person.erasedAt !== null, memberHere, onlyAdminOfForums: (await forumsWithOnlyAdmin(ctx.tx, userId)).length,
    });
    // Someone outside this forum does not exist for its administrators.
    if (refusal === "forbidden") throw new AppError(forumAbilities(ctx.standing).administer ? "not_found" : "forbidden");
    if (refusal) throw new AppError("conflict", refusal);
    // The forum's language: Norwegian unless a forum ever chooses another.
    const t = translator(DEFAULT_LOCALE);
    const erased = await eraseUserData(ctx.tx, ctx.actor, person, (n) => t("erasure.pseudonym", { n }));
    // Search finds their old name nowhere: the comments that named them are indexed again.
    for (const id of erased.commentIds) await indexComment(ctx.tx, id);
    ctx.emit({ type: "session.revoked", userId });
    ctx.emit({ type: "access.changed", forumId: ctx.standing.forum.id, userId });
    return erased;
  }, { timeoutMs: 60_000 });
  return { pseudonym: result.pseudonym, pseudonymNo: result.pseudonymNo, redacted: result.redacted.length };
}
