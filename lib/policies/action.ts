import { isOwner, worksInGroup, type ActorStanding } from "./actor.ts";

export interface ActionFacts {
  groupId: string;
  ownerId: string | null;
}

export interface ActionAbilities {
  /** See the item (boards, overview, search): everyone in the forum. */
  read: boolean;
  /** Title, description, owner, due date, target area. */
  update: boolean;
  /** Move the status (the owner may, even outside the group). */
  changeStatus: boolean;
  /** Set the item's RACI. */
  setRaci: boolean;
}

export function actionAbilities(actor: ActorStanding, item: ActionFacts): ActionAbilities {
  const works = worksInGroup(actor, item.groupId);
  const owns = isOwner(actor, item);
  return { read: true, update: works, changeStatus: works || owns, setRaci: works };
}

/** Which fields of an update the abilities allow: status alone needs changeStatus, anything else update. */
export function mayApplyActionUpdate(abilities: ActionAbilities, fields: readonly string[]): boolean {
  if (fields.length === 0) return false;
  return fields.every((f) => (f === "status" ? abilities.changeStatus : abilities.update));
}
