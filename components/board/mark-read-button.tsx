"use client";

import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { api } from "@/lib/urls";

export function MarkReadButton({ forum }: { forum: string }) {
  const t = useT();
  const m = useMutation();
  return (
    <>
      <button type="button" className="button button--secondary" disabled={m.pending} onClick={() => m.run({ url: api.notificationsRead(forum), method: "POST" })}>
        {t("notifications.markRead")}
      </button>
      <FormStatus error={m.error} success={null} />
    </>
  );
}
