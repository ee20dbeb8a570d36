import { worksInGroup, type ActorStanding } from "./actor.ts";

/** What the need policy looks at. */
export interface NeedFacts {
  /** The group that owns (maintains) the need. */
  groupId: string;
  archived: boolean;
}

/** The facts the need policy looks at, from a row (archived = has an archive date). */
export function needFacts(need: { groupId: string; archivedAt: Date | string | null }): NeedFacts {
  return { groupId: need.groupId, archived: need.archivedAt !== null };
}

export interface NeedAbilities {
  read: boolean;
  /** Change its fields. */
  update: boolean;
  archive: boolean;
  restore: boolean;
  /** Link it to a recommendation or action (or remove such a link). */
  link: boolean;
}

/**
 * The whole forum reads the needs register; the owning group's members and the project leader keep
 * a need (edit, archive, restore, link). Archived needs are read-only until restored.
 */
export function needAbilities(actor: ActorStanding, need: NeedFacts): NeedAbilities {
  const works = worksInGroup(actor, need.groupId);
  const live = !need.archived;
  return { read: true, update: works && live, archive: works && live, restore: works && need.archived, link: works && live };
}

/** Who may add needs to a group (by hand or by import): those who work in it. */
export function mayCreateNeedIn(actor: ActorStanding, groupId: string): boolean {
  return worksInGroup(actor, groupId);
}

/**
 * Linking a need to what answers it is allowed to those who keep the need, and to those who may
 * change the recommendation or action (`targetUpdate`, asked of its own policy): a group writing a
 * recommendation says which needs it answers, even when another group owns them.
 */
export function mayLinkNeed(actor: ActorStanding, need: NeedFacts, targetUpdate: boolean): boolean {
  return !need.archived && (needAbilities(actor, need).link || targetUpdate);
}

/** An import batch is undone by whoever ran it or anyone who works in its group, once. */
export function mayUndoImport(actor: ActorStanding, batch: { groupId: string; createdById: string; undone: boolean }): boolean {
  return !batch.undone && (batch.createdById === actor.userId || worksInGroup(actor, batch.groupId));
}

/** The forum's list of regions is kept by its administrators and the project leader. */
export function mayManageRegions(actor: ActorStanding): boolean {
  return actor.role === "ADMIN" || actor.role === "PROJECT_LEADER";
}
