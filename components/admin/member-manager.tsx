import type { Translate } from "@/lib/i18n";
import { Announcer } from "../ui/announcer";
import { ScrollTable } from "../ui/scroll-table";
import { MemberAddForm, MemberRowActions } from "./member-forms";

type Member = { id: string; name: string; email: string; role: string };

/**
 * A group's members with a role select and a remove button per row, and the form that adds a forum
 * member: the same screen for the administrator (Administrasjon) and the group's own leads (the
 * group's Medlemmer page). Whoever renders it has been allowed by the policy; the API asks again.
 */
export function MemberManager({ t, forum, groupId, members, candidates, title }: {
  t: Translate; forum: string; groupId: string; members: Member[]; candidates: { id: string; name: string; email: string }[]; title?: string;
}) {
  return (
    <section aria-labelledby="members-title" className="stack">
      <h2 id="members-title">{title ?? t("admin.manageMembers")}</h2>
      <Announcer />
      {members.length === 0 ? (
        <p className="empty">{t("group.noMembers")}</p>
      ) : (
        <ScrollTable labelledBy="members-title">
          <thead>
            <tr>
              <th scope="col">{t("group.name")}</th>
              <th scope="col">{t("group.role")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  <br />
                  <span className="muted small">{m.email}</span>
                </th>
                <td>
                  <MemberRowActions forum={forum} groupId={groupId} member={m} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <MemberAddForm forum={forum} groupId={groupId} candidates={candidates} />
    </section>
  );
}
