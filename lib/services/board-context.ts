import { db } from "../db/client.ts";
import type { ForumAccess } from "../db/forums.ts";
import { listGroups } from "../db/groups.ts";
import { listTargetAreas } from "../db/target-areas.ts";
import { listForumUsers } from "../db/users.ts";
import { viewerOf } from "../presenters/action.ts";
import { todayInOslo } from "../time/oslo.ts";

/**
 * What every action screen needs besides its items: people and target areas to choose from, the
 * groups, today's date, and the viewer's standing (the browser presents live items with it).
 */
export async function boardContext(access: ForumAccess) {
  const [users, areas, groups] = await Promise.all([listForumUsers(db(), access.forum.id), listTargetAreas(db(), access.forum.id), listGroups(db(), access.forum.id)]);
  return {
    today: todayInOslo(),
    choices: { people: users.map((u) => ({ id: u.id, name: u.name })), areas: areas.map((a) => ({ id: a.id, name: a.name })) },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    viewer: viewerOf(access),
  };
}
