"use client";

import { useState } from "react";
import { GROUP_ROLES, membershipAddSchema, membershipRoleSchema } from "@/lib/validation/group";
import { useT } from "../i18n-provider";
import { SelectField } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { api } from "@/lib/urls";
import { announce } from "../ui/announcer";

export function MemberAddForm({ forum, groupId, candidates }: { forum: string; groupId: string; candidates: { id: string; name: string; email: string }[] }) {
  const t = useT();
  const m = useMutation();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<string>("MEMBER");
  if (candidates.length === 0) return <p className="empty">{t("admin.everyoneIsMember")}</p>;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const name = candidates.find((c) => c.id === userId)?.name ?? "";
    const done = await m.run({
      url: api.groupMembers(forum, groupId), method: "POST", body: { userId, role }, schema: membershipAddSchema,
      success: t("admin.memberAdded", { name }),
    });
    if (done) setUserId("");
  }
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="add-member">
      <h3 id="add-member">{t("admin.addMember")}</h3>
      <FormStatus error={m.error} success={m.success} />
      <div className="inline-fields">
        <SelectField label={t("admin.chooseUser")} name="userId" required value={userId} onChange={(e) => setUserId(e.target.value)}
          options={[{ value: "", label: t("admin.chooseUserPlaceholder") }, ...candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))]}
          error={m.fieldErrors.userId} />
        <SelectField label={t("admin.memberRole")} name="role" value={role} onChange={(e) => setRole(e.target.value)}
          options={GROUP_ROLES.map((r) => ({ value: r, label: t(`roles.group.${r}`) }))} error={m.fieldErrors.role} />
      </div>
      <button type="submit" className="button button--primary" disabled={m.pending}>
        {m.pending ? t("common.saving") : t("admin.add")}
      </button>
    </form>
  );
}

/** Role select and remove button for one member row. */
export function MemberRowActions({ forum, groupId, member }: { forum: string; groupId: string; member: { id: string; name: string; role: string } }) {
  const t = useT();
  const m = useMutation();
  // Controlled, so a refused change (e.g. the last lead) shows the role the member still has.
  const [role, setRoleValue] = useState(member.role);
  async function setRole(next: string) {
    setRoleValue(next);
    const done = await m.run({
      url: api.groupMember(forum, groupId, member.id), method: "PATCH", body: { role: next }, schema: membershipRoleSchema,
      success: t("admin.roleSaved"),
    });
    if (!done) setRoleValue(member.role);
  }
  async function remove() {
    if (!window.confirm(t("admin.confirmRemove", { name: member.name }))) return;
    // The row goes when the page is read again, and its status with it: the list's announcer says it.
    if (await m.run({ url: api.groupMember(forum, groupId, member.id), method: "DELETE" })) announce(t("admin.memberRemoved", { name: member.name }));
  }
  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`role-${member.id}`}>
        {t("admin.roleFor", { name: member.name })}
      </label>
      <select id={`role-${member.id}`} value={role} onChange={(e) => setRole(e.target.value)} disabled={m.pending}>
        {GROUP_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.group.${r}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--danger" onClick={remove} disabled={m.pending} aria-label={t("admin.removeMember", { name: member.name })}>
        {t("admin.remove")}
      </button>
      <FormStatus error={m.error} success={m.success} />
    </div>
  );
}
