"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ThreadView } from "@/lib/presenters/comment";
import { api } from "@/lib/urls";
import { useThreads } from "./use-threads";

/** A selection in the editor, as the server takes it: two Yjs relative positions (base64) and its text. */
export interface CommentSelection {
  from: string;
  to: string;
  text: string;
}

/** What the editor offers the panel: showing a thread's passage. */
export interface EditorBridge {
  showThread(threadId: string): boolean;
}

interface DocumentComments {
  forum: string;
  documentId: string;
  /** The viewer may start threads here (asked of the comment policy on the server). */
  mayComment: boolean;
  threads: ThreadView[] | null;
  failed: boolean;
  refresh(): Promise<void>;
  put(thread: ThreadView): void;
  /** The last non-empty selection in the editor (kept while focus is in the panel). */
  selection: CommentSelection | null;
  setSelection(selection: CommentSelection | null): void;
  /** The thread being looked at (clicked in the text or in the panel). */
  activeId: string | null;
  setActiveId(id: string | null): void;
  /** Asks for the new-comment form on the current selection (button, or Ctrl+Alt+M in the editor). */
  composeRequest: number;
  requestCompose(): void;
  /** Scrolls the text to a thread's passage (false when the editor has none or is not ready). */
  showThread(threadId: string): boolean;
  registerBridge(bridge: EditorBridge | null): void;
}

const Context = createContext<DocumentComments | null>(null);

/**
 * Shares a document's comment threads between the editor (marks, selection, scrolling) and the
 * side panel (the conversations). The editor tells it when the server says threads changed.
 */
export function DocumentCommentsProvider({ forum, documentId, mayComment, children }: {
  forum: string; documentId: string; mayComment: boolean; children: React.ReactNode;
}) {
  const { threads, failed, refresh, put } = useThreads(api.documentThreads(forum, documentId));
  const [selection, setSelection] = useState<CommentSelection | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [composeRequest, setComposeRequest] = useState(0);
  const bridge = useRef<EditorBridge | null>(null);
  const requestCompose = useCallback(() => setComposeRequest((n) => n + 1), []);
  const registerBridge = useCallback((b: EditorBridge | null) => {
    bridge.current = b;
  }, []);
  const showThread = useCallback((id: string) => bridge.current?.showThread(id) ?? false, []);

  // Arriving from a notification (#thread-<id>): that thread is the active one.
  useEffect(() => {
    const hash = window.location.hash;
    // The address is read once, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (hash.startsWith("#thread-")) setActiveId(hash.slice("#thread-".length));
  }, []);

  const value = useMemo(
    () => ({ forum, documentId, mayComment, threads, failed, refresh, put, selection, setSelection, activeId, setActiveId, composeRequest, requestCompose, showThread, registerBridge }),
    [forum, documentId, mayComment, threads, failed, refresh, put, selection, activeId, composeRequest, requestCompose, showThread, registerBridge],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The document's comments, or null outside a DocumentCommentsProvider. */
export function useDocumentComments(): DocumentComments | null {
  return useContext(Context);
}
