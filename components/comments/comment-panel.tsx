"use client";

import { useEffect, useRef, useState } from "react";
import type { ThreadView } from "@/lib/presenters/comment";
import { api } from "@/lib/urls";
import { documentThreadSchema } from "@/lib/validation/comment";
import { useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";
import { CommentBox } from "./comment-box";
import { useDocumentComments } from "./document-comments";
import { ThreadCard } from "./thread-card";

/**
 * The document's side panel of comments: a new comment on the selected text, then the open (or
 * the resolved) threads, oldest first. Clicking a passage shows it in the text; clicking a mark in
 * the text makes its thread the active one here.
 */
export function CommentPanel() {
  const t = useT();
  const ctx = useDocumentComments();
  const [show, setShow] = useState<"open" | "resolved">("open");
  const [composing, setComposing] = useState<{ from: string; to: string; text: string } | null>(null);
  const [body, setBody] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const m = useMutation();
  const panel = useRef<HTMLElement>(null);

  // The editor asked for a new comment (button or Ctrl+Alt+M): open the form on its selection.
  const request = ctx?.composeRequest ?? 0;
  const selection = ctx?.selection ?? null;
  useEffect(() => {
    if (request === 0 || !selection) return;
    // The request is an event from the editor; the form it opens is this panel's state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setComposing(selection);
    m.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request opens the form
  }, [request]);

  // The active thread (clicked in the text, or from a link) comes into view in the panel.
  const activeId = ctx?.activeId ?? null;
  useEffect(() => {
    if (!activeId) return;
    const el = panel.current?.querySelector(`[data-thread="${CSS.escape(activeId)}"]`);
    if (el) {
      const thread = ctx?.threads?.find((x) => x.id === activeId);
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (thread) setShow(thread.resolved ? "resolved" : "open");
      el.scrollIntoView({ block: "nearest" });
    }
  }, [activeId, ctx?.threads]);

  if (!ctx) return null;
  const threads = ctx.threads ?? [];
  const open = threads.filter((x) => !x.resolved);
  const list = show === "open" ? open : threads.filter((x) => x.resolved);

  const changed = (thread: ThreadView, message: string) => {
    ctx.put(thread);
    setAnnouncement(message);
  };

  const create = async () => {
    if (!composing) return;
    const input = { from: composing.from, to: composing.to, body };
    const data = await m.run<{ thread: ThreadView }>({ url: api.documentThreads(ctx.forum, ctx.documentId), method: "POST", body: input, schema: documentThreadSchema, refresh: false });
    if (data) {
      setComposing(null);
      setBody("");
      setShow("open");
      changed(data.thread, t("comments.added"));
      ctx.setActiveId(data.thread.id);
    }
  };

  return (
    <section ref={panel} className="comments-panel" aria-labelledby="comments-heading">
      <header className="comments-panel__head">
        <h2 id="comments-heading">
          {t("comments.heading")} <span className="badge">{t("comments.openCount", { count: open.length })}</span>
        </h2>
        <div role="group" aria-label={t("comments.filterLabel")} className="segmented">
          <button type="button" aria-pressed={show === "open"} onClick={() => setShow("open")}>{t("comments.showOpen")}</button>
          <button type="button" aria-pressed={show === "resolved"} onClick={() => setShow("resolved")}>{t("comments.showResolved")}</button>
        </div>
      </header>
      {composing ? (
        <form className="thread thread--new" onSubmit={(e) => { e.preventDefault(); void create(); }} aria-label={t("comments.newThread")}>
          <p className="small muted">{t("comments.quoteLabel")}</p>
          <blockquote className="thread__quote">{composing.text}</blockquote>
          <CommentBox forum={ctx.forum} label={t("comments.bodyLabel")} hint={t("comments.bodyHint")} value={body} onChange={setBody}
            onSubmit={() => void create()} autoFocus error={m.fieldErrors.body} />
          <p className="button-row">
            <button type="submit" className="button button--primary button--small" disabled={m.pending || !body.trim()}>{t("comments.comment")}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => { setComposing(null); setBody(""); m.reset(); }}>
              {t("comments.cancel")}
            </button>
          </p>
          <FormStatus error={m.error} success={null} />
        </form>
      ) : ctx.mayComment ? (
        <p className="comments-panel__start">
          <button type="button" className="button button--secondary button--small" disabled={!ctx.selection} onClick={ctx.requestCompose}>
            {t("comments.commentSelection")}
          </button>
          <span className="small muted">{t("comments.commentHint")}</span>
        </p>
      ) : null}
      {ctx.threads === null && !ctx.failed ? <p className="muted small">…</p> : null}
      {ctx.failed ? <p className="notice notice--error">{t("errors.network")}</p> : null}
      {ctx.threads !== null && list.length === 0 ? <p className="muted small">{t(show === "open" ? "comments.none" : "comments.noneResolved")}</p> : null}
      <div className="thread-list">
        {list.map((thread) => (
          <ThreadCard
            key={thread.id} forum={ctx.forum} thread={thread} active={thread.id === ctx.activeId} onChanged={changed}
            onActivate={() => ctx.setActiveId(thread.id)}
            onShowInText={() => {
              ctx.setActiveId(thread.id);
              ctx.showThread(thread.id);
            }}
          />
        ))}
      </div>
      <div role="status" className="visually-hidden">{announcement}</div>
    </section>
  );
}
