"use client";

import { useState } from "react";
import type { ActionView } from "@/lib/presenters/action";
import { RACI_ROLES } from "@/lib/validation/action";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

type Party = { kind: "user" | "group"; id: string; name: string };
const partyKey = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;

/** One column of the matrix: an action item (live from the board) or a recommendation. */
export interface RaciColumn {
  id: string;
  title: string;
  kind: "action" | "recommendation";
  raci: ActionView["raci"];
  /** Where the column's whole RACI list is PUT. */
  url: string;
  /** The viewer may set this column's RACI (from the item's abilities). */
  editable: boolean;
  /** An action's version (sent so a stale matrix is refused rather than overwriting). */
  version?: number;
}

/** People (and whole groups) × items, with R/A/C/I in the cells; editable in place by those allowed. */
export function RaciMatrix({ columns: items, members, allPeople, allGroups }: {
  columns: RaciColumn[]; members: { id: string; name: string }[];
  allPeople: { id: string; name: string }[]; allGroups: { id: string; name: string }[];
}) {
  const canAddRows = items.some((i) => i.editable);
  const t = useT();
  const m = useMutation();
  const [extra, setExtra] = useState<Party[]>([]);
  const [adding, setAdding] = useState("");

  const parties = new Map<string, Party>();
  for (const p of members) parties.set(partyKey({ kind: "user", id: p.id }), { kind: "user", ...p });
  for (const i of items) for (const r of i.raci) {
    const p: Party | null = r.user ? { kind: "user", ...r.user } : r.group ? { kind: "group", ...r.group } : null;
    if (p) parties.set(partyKey(p), p);
  }
  for (const p of extra) parties.set(partyKey(p), p);
  const rows = [...parties.values()];

  const roleOf = (item: RaciColumn, p: Party) => item.raci.find((r) => (p.kind === "user" ? r.user?.id : r.group?.id) === p.id)?.role ?? "";

  async function setRole(item: RaciColumn, p: Party, role: string) {
    const others = item.raci.filter((r) => (p.kind === "user" ? r.user?.id !== p.id : r.group?.id !== p.id));
    const assignments = [
      ...others.map((r) => (r.user ? { userId: r.user.id, role: r.role } : { groupId: r.group!.id, role: r.role })),
      ...(role ? [p.kind === "user" ? { userId: p.id, role } : { groupId: p.id, role }] : []),
    ];
    // Action columns update live through the board; recommendations are re-read from the server.
    await m.run({ url: item.url, method: "PUT", body: { assignments, ...(item.version === undefined ? {} : { version: item.version }) }, refresh: item.kind === "recommendation" });
  }

  function addRow() {
    const [kind, id] = adding.split(":") as ["user" | "group", string];
    const name = (kind === "user" ? allPeople : allGroups).find((x) => x.id === id)?.name;
    if (name) setExtra([...extra, { kind, id, name }]);
    setAdding("");
  }

  if (items.length === 0) return null;
  return (
    <section aria-labelledby="raci-title" className="section">
      <h2 id="raci-title">{t("actions.matrix")}</h2>
      <p className="muted">{t("actions.matrixIntro")}</p>
      <FormStatus error={m.error} success={null} />
      <div className="table-scroll" role="region" aria-labelledby="raci-title" tabIndex={0}>
        <table className="table raci">
          <thead>
            <tr>
              <th scope="col">{t("actions.matrixParty")}</th>
              {items.map((i) => (
                <th scope="col" key={i.id}>
                  <span className="eyebrow block">{i.kind === "action" ? t("actions.column") : t("documentKinds.RECOMMENDATION")}</span>
                  {i.title}
                  {i.raci.some((r) => r.role === "A") ? null : <span className="warn-text block small">{t("actions.missingAccountable")}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const label = p.kind === "group" ? t("actions.groupParty", { name: p.name }) : p.name;
              return (
                <tr key={partyKey(p)}>
                  <th scope="row">{label}</th>
                  {items.map((i) => {
                    const role = roleOf(i, p);
                    return (
                      <td key={i.id} className={`raci-cell raci-cell--${role || "none"}`}>
                        {i.editable ? (
                          <select aria-label={t("actions.roleFor", { party: label, title: i.title })} value={role} disabled={m.pending} onChange={(e) => setRole(i, p, e.target.value)}>
                            <option value="">–</option>
                            {RACI_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {r}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span title={role ? t(`raci.${role}`) : undefined}>{role || "–"}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canAddRows ? (
        <div className="inline-fields add-party">
          <label className="visually-hidden" htmlFor="add-party">
            {t("actions.addPartyLabel")}
          </label>
          <select id="add-party" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t("actions.addPartyLabel")}</option>
            {allPeople.filter((p) => !parties.has(`user:${p.id}`)).map((p) => (
              <option key={p.id} value={`user:${p.id}`}>
                {p.name}
              </option>
            ))}
            {allGroups.filter((g) => !parties.has(`group:${g.id}`)).map((g) => (
              <option key={g.id} value={`group:${g.id}`}>
                {t("actions.groupParty", { name: g.name })}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary" onClick={addRow} disabled={!adding}>
            {t("actions.addParty")}
          </button>
        </div>
      ) : null}
      <dl className="raci-legend small">
        {RACI_ROLES.map((r) => (
          <div key={r}>
            <dt>{r}</dt>
            <dd>{t(`raci.${r}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
