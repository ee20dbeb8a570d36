import { loadActionHistory } from "../db/action-history.ts";
import { loadForumItem } from "../db/actions.ts";
import type { DbClient } from "../db/types.ts";
import type { ForumAccess } from "../db/forums.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { actionAbilities } from "../policies/action.ts";
import { presentActionHistory, type ActionHistoryEntry } from "../presenters/action-history.ts";
import { AppError } from "./errors.ts";

/**
 * An action's history for a reader: only for those who may read the action (the same policy as
 * the action itself); for anyone else, and for another forum's action, it does not exist (404).
 */
export async function actionHistoryFor(db: DbClient, access: ForumAccess, actionId: string, t: Translate, locale: Locale): Promise<ActionHistoryEntry[]> {
  const item = await loadForumItem(db, access.forum.id, actionId);
  if (!item || !actionAbilities(access, { groupId: item.groupId, ownerId: item.owner?.id ?? null }).read) throw new AppError("not_found");
  return presentActionHistory(await loadActionHistory(db, access.forum.id, actionId), t, locale);
}
