import Link from "next/link";
import type { Translate } from "@/lib/i18n";

export interface GroupCardData {
  id: string;
  name: string;
  kind: "STEERING" | "PROJECT" | "COMPETENCE";
  mandate: string;
  memberCount: number;
  documentCount: number;
  leads: string[];
}

/** One body of the forum with its mandate and counts, linking to its page. */
export function GroupCard({ group, href, t, mine }: { group: GroupCardData; href: string; t: Translate; mine: boolean }) {
  return (
    <li className={`card group-card group-card--${group.kind.toLowerCase()}`}>
      <p className="eyebrow">{t(`groupKinds.${group.kind}`)}</p>
      <h3 className="card__title">
        <Link href={href}>{group.name}</Link>
      </h3>
      {group.mandate ? <p className="group-card__mandate">{group.mandate}</p> : <p className="muted">{t("group.noMandate")}</p>}
      <ul className="meta" aria-label={group.name}>
        <li>{t("forum.members", { count: group.memberCount })}</li>
        <li>{t("forum.documents", { count: group.documentCount })}</li>
        {group.leads.length ? <li>{t("forum.led", { names: group.leads.join(", ") })}</li> : null}
        {mine ? <li className="badge badge--mine">{t("forum.myGroups")}</li> : null}
      </ul>
    </li>
  );
}
