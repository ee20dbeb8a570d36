"use client";

import { useState } from "react";
import type { DocumentView } from "@/lib/presenters/document";
import { api } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

/**
 * Follow or unfollow a document: a toggle button (aria-pressed) whose name stays the same in both
 * states (the ARIA practice for toggles); the sentence beside it says what following means now.
 */
export function FollowToggle({ forum, documentId, follow }: { forum: string; documentId: string; follow: DocumentView["follow"] }) {
  const t = useT();
  const m = useMutation();
  const [following, setFollowing] = useState(follow.following);
  if (!follow.allowed) return null;
  async function toggle() {
    if (m.pending) return;
    const done = await m.run<{ following: boolean }>({ url: api.documentFollow(forum, documentId), method: following ? "DELETE" : "POST", refresh: false });
    if (done) setFollowing(done.following);
  }
  return (
    <div className="follow-toggle">
      <button type="button" className="button button--quiet" aria-pressed={following} aria-describedby={`follow-state-${documentId}`} onClick={toggle}>
        <span aria-hidden="true" className="follow-toggle__mark">{following ? "✓" : "+"}</span> {t("documents.follow")}
      </button>
      <p id={`follow-state-${documentId}`} className="follow-toggle__state muted small" role="status">
        {following ? t("documents.followingState") : t("documents.notFollowingState")}
      </p>
      <FormStatus error={m.error} success={null} />
    </div>
  );
}
