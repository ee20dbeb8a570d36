import { loadForumItems, loadGroupBoard } from "../db/actions.ts";
import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { listGroups } from "../db/groups.ts";
import { listTargetAreas } from "../db/target-areas.ts";
import { listForumUsers } from "../db/users.ts";
import { todayInOslo } from "../time/oslo.ts";
import { canEditGroupContent } from "./permissions.ts";

/** What every action screen needs: people and target areas to choose from, groups, and today's date. */
export async function boardContext(access: ForumAccess) {
  const [users, areas, groups] = await Promise.all([listForumUsers(db(), access.forum.id), listTargetAreas(db(), access.forum.id), listGroups(db(), access.forum.id)]);
  return {
    today: todayInOslo(),
    choices: { people: users.map((u) => ({ id: u.id, name: u.name })), areas: areas.map((a) => ({ id: a.id, name: a.name })) },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    writableGroupIds: groups.filter((g) => canEditGroupContent(access, g.id)).map((g) => g.id),
  };
}

export { loadForumItems, loadGroupBoard };
