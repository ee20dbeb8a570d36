"use client";

import { useRef, useState } from "react";
import type { ActionView } from "@/lib/presenters/action";
import { raciAssignments, withAccountable, type RaciParty } from "@/lib/policies/responsibility";
import { RACI_ROLES } from "@/lib/validation/action";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { ModalDialog } from "../ui/modal-dialog";
import { useMutation } from "../ui/use-mutation";

type Party = { kind: "user" | "group"; id: string; name: string };
const partyKey = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;
const asParty = (p: Party): RaciParty => (p.kind === "user" ? { userId: p.id } : { groupId: p.id });
type Raci = ActionView["raci"];

/** One column of the matrix: an action item (live from the board) or a recommendation. */
export interface RaciColumn {
  id: string;
  title: string;
  kind: "action" | "recommendation";
  raci: Raci;
  /** Where the column's whole RACI list is PUT. */
  url: string;
  /** Actions: where the Accountable is moved in one step (the one before becomes R). */
  moveUrl?: string;
  /** The viewer may set this column's RACI (from the item's abilities). */
  editable: boolean;
  /** An action's version (sent so a stale matrix is refused rather than overwriting). */
  version?: number;
}

/**
 * People (and whole groups) × items, with R/A/C/I in the cells; editable in place by those allowed.
 * Choosing and saving are two steps, so arrowing through a select (keyboard, screen reader) saves
 * nothing: a changed cell shows "Lagre"; Enter in the select or the button saves it, Escape undoes
 * the choice, and focus stays in the cell. A second Accountable is not an error: the matrix asks
 * whether to move A from the one who has it, and does so in one command.
 */
export function RaciMatrix({ columns: items, members, allPeople, allGroups }: {
  columns: RaciColumn[]; members: { id: string; name: string }[];
  allPeople: { id: string; name: string }[]; allGroups: { id: string; name: string }[];
}) {
  const canAddRows = items.some((i) => i.editable);
  const t = useT();
  const m = useMutation();
  const [extra, setExtra] = useState<Party[]>([]);
  const [adding, setAdding] = useState("");
  /** Chosen but not saved, per cell (`column|party`). */
  const [draft, setDraft] = useState<Record<string, string>>({});
  /** A column's list as the server answered a save, until the live board (or a refresh) brings it. */
  const [answered, setAnswered] = useState<Record<string, { basis: string; raci: Raci }>>({});
  const [saved, setSaved] = useState("");
  const [confirm, setConfirm] = useState<{ column: RaciColumn; party: Party; from: Party } | null>(null);
  const selects = useRef(new Map<string, HTMLSelectElement>());
  /** Where focus goes when the move question closes: the cell's select, whatever the answer. */
  const confirmReturn = useRef<HTMLElement | null>(null);

  const basisOf = (c: RaciColumn) => JSON.stringify([c.version ?? null, c.raci]);
  const raciOf = (c: RaciColumn): Raci => {
    const a = answered[c.id];
    return a && a.basis === basisOf(c) ? a.raci : c.raci;
  };
  const cellKey = (c: RaciColumn, p: Party) => `${c.id}|${partyKey(p)}`;

  const parties = new Map<string, Party>();
  for (const p of members) parties.set(partyKey({ kind: "user", id: p.id }), { kind: "user", ...p });
  for (const i of items) for (const r of raciOf(i)) {
    const p: Party | null = r.user ? { kind: "user", ...r.user } : r.group ? { kind: "group", ...r.group } : null;
    if (p) parties.set(partyKey(p), p);
  }
  for (const p of extra) parties.set(partyKey(p), p);
  const rows = [...parties.values()];
  const labelOf = (p: Party) => (p.kind === "group" ? t("actions.groupParty", { name: p.name }) : p.name);

  const savedRole = (c: RaciColumn, p: Party) => raciOf(c).find((r) => (p.kind === "user" ? r.user?.id : r.group?.id) === p.id)?.role ?? "";
  const shownRole = (c: RaciColumn, p: Party) => draft[cellKey(c, p)] ?? savedRole(c, p);
  const isDirty = (c: RaciColumn, p: Party) => draft[cellKey(c, p)] !== undefined && draft[cellKey(c, p)] !== savedRole(c, p);

  const forget = (key: string) =>
    setDraft((d) => {
      const next = { ...d };
      delete next[key];
      return next;
    });
  const refocus = (key: string) => requestAnimationFrame(() => selects.current.get(key)?.focus());

  /** Sends one column's new list (or moves its A), and keeps what the server answered. */
  async function send(c: RaciColumn, p: Party, request: { url: string; method: "PUT" | "POST"; body: object }, message: string) {
    const key = cellKey(c, p);
    setSaved("");
    const basis = basisOf(c);
    const done = await m.run<{ item?: { raci: Raci }; raci?: Raci }>({ ...request, refresh: c.kind === "recommendation" });
    if (!done) return;
    const raci = done.item?.raci ?? done.raci;
    if (raci) setAnswered((prev) => ({ ...prev, [c.id]: { basis, raci } }));
    forget(key);
    setSaved(message);
    refocus(key);
  }

  async function save(c: RaciColumn, p: Party) {
    if (m.pending || !isDirty(c, p)) return;
    const role = shownRole(c, p);
    const current = raciOf(c).find((r) => r.role === "A");
    const holder: Party | null = current?.user ? { kind: "user", ...current.user } : current?.group ? { kind: "group", ...current.group } : null;
    if (role === "A" && holder && partyKey(holder) !== partyKey(p)) {
      confirmReturn.current = selects.current.get(cellKey(c, p)) ?? null;
      setConfirm({ column: c, party: p, from: holder });
      return;
    }
    const others = raciAssignments(raciOf(c)).filter((a) => (p.kind === "user" ? a.userId !== p.id : a.groupId !== p.id));
    const assignments = [...others, ...(role ? [{ ...asParty(p), role: role as Raci[number]["role"] }] : [])];
    const party = labelOf(p);
    await send(c, p, { url: c.url, method: "PUT", body: { assignments, ...(c.version === undefined ? {} : { version: c.version }) } },
      role ? t("actions.roleSaved", { party, role: t(`raci.${role as Raci[number]["role"]}`), title: c.title }) : t("actions.roleCleared", { party, title: c.title }));
  }

  async function moveAccountable() {
    if (!confirm || m.pending) return;
    const { column: c, party: p, from } = confirm;
    setConfirm(null);
    const message = t("actions.moved", { to: labelOf(p), from: labelOf(from), title: c.title });
    // Actions: the server's move command (one step, the owner follows); recommendations: the whole list, A moved.
    const request = c.moveUrl
      ? { url: c.moveUrl, method: "POST" as const, body: { ...asParty(p), version: c.version } }
      : { url: c.url, method: "PUT" as const, body: { assignments: withAccountable(raciOf(c), asParty(p)), ...(c.version === undefined ? {} : { version: c.version }) } };
    await send(c, p, request, message);
  }

  function cancelMove() {
    if (!confirm) return;
    const key = cellKey(confirm.column, confirm.party);
    forget(key);
    setConfirm(null);
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
      {canAddRows ? <p className="small" id="raci-help">{t("actions.matrixHelp")}</p> : null}
      <FormStatus error={m.error} success={saved || null} />
      <div className="table-scroll" role="region" aria-labelledby="raci-title" tabIndex={0}>
        <table className="table raci">
          <thead>
            <tr>
              <th scope="col">{t("actions.matrixParty")}</th>
              {items.map((i) => (
                <th scope="col" key={i.id}>
                  <span className="eyebrow block">{i.kind === "action" ? t("actions.column") : t("documentKinds.RECOMMENDATION")}</span>
                  {i.title}
                  {raciOf(i).some((r) => r.role === "A") ? null : <span className="warn-text block small">{t("actions.missingAccountable")}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const label = labelOf(p);
              return (
                <tr key={partyKey(p)}>
                  <th scope="row">{label}</th>
                  {items.map((i) => {
                    const role = shownRole(i, p);
                    const key = cellKey(i, p);
                    const dirty = isDirty(i, p);
                    return (
                      <td key={i.id} className={`raci-cell raci-cell--${savedRole(i, p) || "none"}${dirty ? " raci-cell--dirty" : ""}`}>
                        {i.editable ? (
                          <span className="raci-edit">
                            <select aria-label={t("actions.roleFor", { party: label, title: i.title })} aria-describedby="raci-help" value={role}
                              ref={(el) => {
                                if (el) selects.current.set(key, el);
                                else selects.current.delete(key);
                              }}
                              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
                              onKeyDown={(e) => {
                                if (e.key === "Enter") {
                                  e.preventDefault();
                                  void save(i, p);
                                } else if (e.key === "Escape" && dirty) {
                                  e.preventDefault();
                                  forget(key);
                                }
                              }}>
                              <option value="">–</option>
                              {RACI_ROLES.map((r) => (
                                <option key={r} value={r}>
                                  {r}
                                </option>
                              ))}
                            </select>
                            {dirty ? (
                              <button type="button" className="button button--primary button--tiny" aria-disabled={m.pending || undefined}
                                aria-label={t("actions.saveRoleFor", { party: label, title: i.title })} onClick={() => void save(i, p)}>
                                {t("actions.saveRole")}
                              </button>
                            ) : null}
                          </span>
                        ) : (
                          <span title={role ? t(`raci.${role as Raci[number]["role"]}`) : undefined}>{role || "–"}</span>
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
      {confirm ? (
        <ModalDialog labelledBy="raci-move-title" describedBy="raci-move-body" onClose={cancelMove} focusAfter={confirmReturn}>
          <div className="stack">
            <h2 id="raci-move-title" className="h3-like">{t("actions.moveTitle", { from: labelOf(confirm.from), to: labelOf(confirm.party) })}</h2>
            <div id="raci-move-body">
              <p>{t("actions.moveBody", { title: confirm.column.title, from: labelOf(confirm.from) })}</p>
              {confirm.column.kind === "action" ? (
                <p>{confirm.party.kind === "user" ? t("actions.moveOwner", { to: labelOf(confirm.party) }) : t("actions.moveOwnerGroup")}</p>
              ) : null}
            </div>
            <div className="button-row">
              <button type="button" className="button button--primary" data-autofocus onClick={() => void moveAccountable()}>
                {t("actions.moveConfirm")}
              </button>
              <button type="button" className="button button--secondary" onClick={cancelMove}>
                {t("common.cancel")}
              </button>
            </div>
          </div>
        </ModalDialog>
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
