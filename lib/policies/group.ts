import { worksInGroup, type ActorStanding } from "./actor.ts";
import { forumAbilities } from "./forum.ts";

export interface GroupAbilities {
  /** Create documents in the group. */
  createDocument: boolean;
  /** Create action items on the group's board. */
  createAction: boolean;
  /** Set responsibilities on the group's recommendations. */
  setDocumentRaci: boolean;
  /** Rename the group and edit its mandate; add, remove and re-role members. */
  administer: boolean;
}

export function groupAbilities(actor: ActorStanding, group: { id: string; archived?: boolean }): GroupAbilities {
  const open = group.archived !== true;
  const works = open && worksInGroup(actor, group.id);
  const admin = forumAbilities(actor).administer;
  return { createDocument: works, createAction: works, setDocumentRaci: works, administer: admin && open };
}
