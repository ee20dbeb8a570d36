"use client";

import { useEffect, useState } from "react";
import type { ThreadView } from "@/lib/presenters/comment";
import { api } from "@/lib/urls";
import { actionThreadSchema } from "@/lib/validation/comment";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { CommentBox } from "./comment-box";
import { ThreadCard } from "./thread-card";
import { useThreads } from "./use-threads";

/**
 * The conversations about an action, on its own page: a question or comment to start one, and the
 * threads with their replies. `lastAt` comes live from the board (it moves when any thread
 * changes), and the threads are fetched again when it does.
 */
export function ActionThreads({ forum, actionId, lastAt }: { forum: string; actionId: string; lastAt: string | null }) {
  const t = useT();
  const { threads, failed, refresh, put } = useThreads(api.actionThreads(forum, actionId));
  const [body, setBody] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [activeId, setActiveId] = useState<string | null>(null);
  const m = useMutation();

  useEffect(() => {
    if (lastAt) void refresh();
  }, [lastAt, refresh]);

  // Arriving from a notification (#thread-<id>).
  useEffect(() => {
    const hash = window.location.hash;
    // The address is read once, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (hash.startsWith("#thread-")) setActiveId(hash.slice("#thread-".length));
  }, []);

  const changed = (thread: ThreadView, message: string) => {
    put(thread);
    setAnnouncement(message);
  };
  const create = async () => {
    const data = await m.run<{ thread: ThreadView }>({ url: api.actionThreads(forum, actionId), method: "POST", body: { body }, schema: actionThreadSchema, refresh: false });
    if (data) {
      setBody("");
      changed(data.thread, t("comments.added"));
    }
  };

  return (
    <section className="comments-panel" aria-labelledby="action-comments-heading">
      <h2 id="action-comments-heading">{t("actions.detailComments")}</h2>
      {failed ? <p className="notice notice--error">{t("errors.network")}</p> : null}
      {threads !== null && threads.length === 0 ? <p className="muted small">{t("comments.noneAction")}</p> : null}
      <div className="thread-list">
        {(threads ?? []).map((thread) => (
          <ThreadCard key={thread.id} forum={forum} thread={thread} active={thread.id === activeId} onActivate={() => setActiveId(thread.id)} onChanged={changed} />
        ))}
      </div>
      <form className="thread thread--new action-thread-form" onSubmit={(e) => { e.preventDefault(); void create(); }} aria-label={t("comments.newActionThread")}>
        <CommentBox forum={forum} label={t("comments.newActionThread")} hint={t("comments.bodyHint")} value={body} onChange={setBody} onSubmit={() => void create()} error={m.fieldErrors.body} />
        <p className="button-row">
          <button type="submit" className="button button--primary button--small" disabled={m.pending || !body.trim()}>{t("comments.send")}</button>
        </p>
        <FormStatus error={m.error} success={null} />
      </form>
      <div role="status" className="visually-hidden">{announcement}</div>
    </section>
  );
}
