"use client";

import type { Editor } from "@tiptap/react";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { useCallback, useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { useDocumentComments, type CommentSelection } from "../comments/document-comments";

const QUOTE_PREVIEW_MAX = 300;
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/**
 * A ProseMirror position as a Yjs relative position: the id of a character, so the server finds
 * the same place whatever was typed meanwhile. The start sticks to the character after it, the
 * end to the one before, so typing at either edge stays outside the passage.
 */
function relative(editor: Editor, pos: number, side: "start" | "end"): string | null {
  const y = ySyncPluginKey.getState(editor.state) as { doc: Y.Doc; binding: { type: Y.XmlFragment; mapping: Map<unknown, unknown> } } | undefined;
  if (!y?.binding) return null;
  let rel = absolutePositionToRelativePosition(pos, y.binding.type, y.binding.mapping as never);
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, y.doc);
  if (side === "start" && abs && abs.type instanceof Y.XmlText) rel = Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0);
  return toBase64(Y.encodeRelativePosition(rel));
}

/** The browser's selection inside the editor as a comment selection, or null when empty. */
function readSelection(editor: Editor): CommentSelection | null | "outside" {
  const sel = window.getSelection();
  const dom = editor.view.dom;
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return "outside";
  if (!dom.contains(sel.anchorNode) || !dom.contains(sel.focusNode)) return "outside";
  if (sel.isCollapsed) return null;
  let a: number;
  let b: number;
  try {
    a = editor.view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    b = editor.view.posAtDOM(sel.focusNode, sel.focusOffset);
  } catch {
    return null;
  }
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const text = editor.state.doc.textBetween(from, to, "\n", " ").trim();
  if (!text) return null;
  const relFrom = relative(editor, from, "start");
  const relTo = relative(editor, to, "end");
  if (!relFrom || !relTo) return null;
  return { from: relFrom, to: relTo, text: text.length > QUOTE_PREVIEW_MAX ? `${text.slice(0, QUOTE_PREVIEW_MAX - 1)}…` : text };
}

/**
 * The editor's side of comments: follows the selection (also in a read-only editor, where
 * ProseMirror keeps no selection of its own, hence the browser's), places the floating "Comment"
 * button beside it, highlights open threads' marks (the active one more), makes a click on a mark
 * the active thread, and lets the panel scroll the text to a thread.
 */
export function useCommentSelection(editor: Editor | null, frame: React.RefObject<HTMLDivElement | null>) {
  const ctx = useDocumentComments();
  const [floatTop, setFloatTop] = useState<number | null>(null);
  const setSelection = ctx?.setSelection;
  const mayComment = ctx?.mayComment ?? false;

  useEffect(() => {
    if (!editor || !setSelection || !mayComment) return;
    const onChange = () => {
      const next = readSelection(editor);
      if (next === "outside") return; // focus went to the panel: the last selection stays
      setSelection(next);
      const range = next ? window.getSelection()?.getRangeAt(0) : null;
      const box = frame.current?.getBoundingClientRect();
      const rect = range?.getBoundingClientRect();
      setFloatTop(next && box && rect ? rect.top - box.top : null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [editor, setSelection, mayComment, frame]);

  const requestCompose = ctx?.requestCompose;
  const hasSelection = Boolean(ctx?.selection);
  const compose = useCallback(() => {
    setFloatTop(null);
    requestCompose?.();
  }, [requestCompose]);

  // Ctrl+Alt+M (Cmd+Alt+M) comments on the selection, as in other editors.
  useEffect(() => {
    if (!hasSelection) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.altKey && e.code === "KeyM") {
        e.preventDefault();
        compose();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hasSelection, compose]);

  // A click on a commented passage makes its thread the active one.
  const setActiveId = ctx?.setActiveId;
  const threads = ctx?.threads;
  useEffect(() => {
    if (!editor || !setActiveId) return;
    const dom = editor.view.dom;
    const onClick = (e: MouseEvent) => {
      const known = new Set((threads ?? []).filter((x) => !x.resolved).map((x) => x.id));
      for (let el = e.target as HTMLElement | null; el && el !== dom; el = el.parentElement) {
        const id = el.getAttribute("data-thread-id");
        if (id && known.has(id)) return setActiveId(id);
      }
    };
    dom.addEventListener("click", onClick);
    return () => dom.removeEventListener("click", onClick);
  }, [editor, setActiveId, threads]);

  // The panel shows a thread's passage: scroll to its first marked piece.
  const registerBridge = ctx?.registerBridge;
  useEffect(() => {
    if (!editor || !registerBridge) return;
    registerBridge({
      showThread(id) {
        const el = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(id)}"]`);
        if (!el) return false;
        el.scrollIntoView({ block: "center", behavior: "smooth" });
        return true;
      },
    });
    return () => registerBridge(null);
  }, [editor, registerBridge]);

  // Open threads' passages are highlighted (resolved ones are not); the active one more strongly.
  const activeId = ctx?.activeId ?? null;
  const style = useMemo(() => {
    const open = (threads ?? []).filter((x) => !x.resolved && !x.detached).map((x) => `[data-thread-id="${CSS.escape(x.id)}"]`);
    if (open.length === 0) return "";
    const active = activeId && open.includes(`[data-thread-id="${CSS.escape(activeId)}"]`) ? `[data-thread-id="${CSS.escape(activeId)}"]` : null;
    return (
      `.editor-content .comment-mark:is(${open.join(",")}){background:var(--comment-bg);border-bottom:2px solid var(--comment-border);cursor:pointer}` +
      (active ? `.editor-content .comment-mark${active}{background:var(--comment-active-bg)}` : "")
    );
  }, [threads, activeId]);

  return { floatTop: mayComment ? floatTop : null, compose, style, mayComment };
}
