"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import type { CommentView, ThreadView } from "@/lib/presenters/comment";
import { api } from "@/lib/urls";
import { commentSchema } from "@/lib/validation/comment";
import { useLocale, useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { CommentBody } from "./comment-body";
import { CommentBox } from "./comment-box";

type Changed = (thread: ThreadView, announcement: string) => void;

function CommentItem({ forum, comment, onChanged }: { forum: string; comment: CommentView; onChanged: Changed }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const m = useMutation();

  const save = async () => {
    const data = await m.run<{ thread: ThreadView }>({ url: api.comment(forum, comment.id), method: "PATCH", body: { body: draft }, schema: commentSchema, refresh: false });
    if (data) {
      setEditing(false);
      onChanged(data.thread, t("comments.saved"));
    }
  };
  const remove = async () => {
    if (!window.confirm(t("comments.deleteConfirm"))) return;
    const data = await m.run<{ thread: ThreadView }>({ url: api.comment(forum, comment.id), method: "DELETE", refresh: false });
    if (data) onChanged(data.thread, t("comments.removed"));
  };

  return (
    <li className={`comment${comment.deleted ? " comment--deleted" : ""}`}>
      <p className="comment__meta">
        <strong>{comment.author.name}</strong>{" "}
        <time className="muted small" dateTime={comment.createdAt}>{formatDateTime(new Date(comment.createdAt), locale)}</time>
        {comment.editedAt && !comment.deleted ? <span className="muted small"> · {t("comments.edited")}</span> : null}
      </p>
      {comment.deleted ? (
        <p className="muted comment__body">{t("comments.deleted")}</p>
      ) : editing ? (
        <form className="stack-tight" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <CommentBox forum={forum} label={t("comments.edit")} value={draft} onChange={setDraft} onSubmit={() => void save()} autoFocus error={m.fieldErrors.body} />
          <p className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={m.pending}>{t("comments.save")}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => { setEditing(false); setDraft(comment.body); m.reset(); }}>
              {t("comments.cancel")}
            </button>
          </p>
        </form>
      ) : (
        <CommentBody comment={comment} />
      )}
      {!editing && (comment.abilities.edit || comment.abilities.delete) ? (
        <p className="button-row comment__tools">
          {comment.abilities.edit ? (
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
              {t("comments.edit")}
            </button>
          ) : null}
          {comment.abilities.delete ? (
            <button type="button" className="button button--quiet button--small" onClick={() => void remove()} disabled={m.pending}>
              {t("comments.delete")}
            </button>
          ) : null}
        </p>
      ) : null}
      {m.error ? <p role="alert" className="notice notice--error">{m.error}</p> : null}
    </li>
  );
}

/**
 * One conversation: the commented passage (a button that shows it in the text), the comments, a
 * reply box, and resolve / reopen for those who may.
 */
export function ThreadCard({
  forum, thread, active, onActivate, onShowInText, onChanged,
}: {
  forum: string; thread: ThreadView; active: boolean; onActivate?: () => void; onShowInText?: () => void; onChanged: Changed;
}) {
  const t = useT();
  const [reply, setReply] = useState("");
  const [replying, setReplying] = useState(false);
  const m = useMutation();
  const state = useMutation();

  const send = async () => {
    const data = await m.run<{ thread: ThreadView }>({ url: api.threadComments(forum, thread.id), method: "POST", body: { body: reply }, schema: commentSchema, refresh: false });
    if (data) {
      setReply("");
      setReplying(false);
      onChanged(data.thread, t("comments.replied"));
    }
  };
  const setResolved = async (resolved: boolean) => {
    const data = await state.run<{ thread: ThreadView }>({ url: api.thread(forum, thread.id), method: "PATCH", body: { resolved }, refresh: false });
    if (data) onChanged(data.thread, t(resolved ? "comments.resolvedDone" : "comments.reopenedDone"));
  };

  const first = thread.comments[0];
  return (
    <article
      id={`thread-${thread.id}`} className={`thread${active ? " thread--active" : ""}${thread.resolved ? " thread--resolved" : ""}`}
      aria-label={t("comments.threadBy", { name: thread.createdBy.name })} data-thread={thread.id} onFocus={onActivate}
    >
      {thread.quote ? (
        thread.detached || !onShowInText ? (
          <blockquote className="thread__quote">
            {thread.detached ? <span className="badge badge--warn">{t("comments.detached")}</span> : null} <span>{thread.quote}</span>
          </blockquote>
        ) : (
          <button type="button" className="thread__quote thread__quote--link" onClick={onShowInText} aria-label={`${t("comments.showInText")}: ${thread.quote}`}>
            <span aria-hidden="true">{thread.quote}</span>
          </button>
        )
      ) : null}
      {thread.resolved ? <p className="badge badge--ok">{t("comments.resolved")}</p> : null}
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} forum={forum} comment={c} onChanged={onChanged} />
        ))}
      </ol>
      {thread.abilities.reply && replying ? (
        <form className="stack-tight" onSubmit={(e) => { e.preventDefault(); void send(); }}>
          <CommentBox forum={forum} label={t("comments.replyLabel")} value={reply} onChange={setReply} onSubmit={() => void send()} autoFocus error={m.fieldErrors.body} />
          <p className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={m.pending || !reply.trim()}>{t("comments.send")}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => { setReplying(false); setReply(""); m.reset(); }}>
              {t("comments.cancel")}
            </button>
          </p>
        </form>
      ) : null}
      <p className="button-row thread__tools">
        {thread.abilities.reply && !replying ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}
            aria-label={first ? `${t("comments.reply")}: ${thread.createdBy.name}` : undefined}>
            {t("comments.reply")}
          </button>
        ) : null}
        {thread.abilities.resolve ? (
          <button type="button" className="button button--quiet button--small" onClick={() => void setResolved(!thread.resolved)} disabled={state.pending}>
            {t(thread.resolved ? "comments.reopen" : "comments.resolve")}
          </button>
        ) : null}
      </p>
      <FormStatus error={m.error ?? state.error} success={null} />
    </article>
  );
}
