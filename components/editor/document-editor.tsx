"use client";

import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import type * as decoding from "lib0/decoding";
import { useEffect, useMemo, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DOCUMENT_FIELD, documentExtensions } from "@/lib/editor/extensions";
import { MESSAGE_SAMRAD, readSamradMessage, type AccessMode } from "@/lib/realtime/protocol";
import { COLLAB_PATH, documentRoom } from "@/lib/realtime/rooms";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "../i18n-provider";
import { PresenceBar } from "./presence";
import { colourFor, syncStatus, type SyncStatus } from "./sync-status";
import { Toolbar } from "./toolbar";

interface Session {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const STATUS_TEXT: Record<SyncStatus, MessageKey> = {
  connecting: "editor.statusConnecting",
  saving: "editor.statusSaving",
  saved: "editor.statusSaved",
  offline: "editor.statusOffline",
};

/**
 * The live editor of one document: a Y.Doc kept in IndexedDB (offline copy) and synced with the
 * server over the stock y-websocket protocol. The server decides what the connection may do; the
 * page's `canWrite` is only the first guess until it says so.
 */
export function DocumentEditor({ documentId, user, canWrite }: { documentId: string; user: { id: string; name: string }; canWrite: boolean }) {
  const t = useT();
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<SyncStatus>("connecting");
  const [access, setAccess] = useState<AccessMode | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const doc = new Y.Doc();
    const room = documentRoom(documentId);
    const local = new IndexeddbPersistence(`samrad:${room}`, doc);
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${COLLAB_PATH.slice(0, -1)}`;
    const provider = new WebsocketProvider(url, room, doc, { maxBackoffTime: 10_000 });
    let saved = new Map<number, number>();
    let everConnected = false;
    let announcedOffline = false;

    const update = () => {
      const next = syncStatus({ connected: provider.wsconnected, synced: provider.synced, saved, doc });
      setStatus(next);
      // Only connection changes are announced to screen readers; "saving"/"saved" would be noise.
      if (next === "saving" || next === "saved") everConnected = true;
      if (next === "offline" && everConnected && !announcedOffline) {
        announcedOffline = true;
        setAnnouncement(t("editor.wentOffline"));
      } else if (next === "saved" && announcedOffline) {
        announcedOffline = false;
        setAnnouncement(t("editor.backOnline"));
      }
    };
    (provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>)[MESSAGE_SAMRAD] = (_encoder, decoder) => {
      const message = readSamradMessage(decoder);
      if (message?.kind === "saved") saved = Y.decodeStateVector(message.stateVector);
      if (message?.kind === "access") setAccess(message.mode);
      update();
    };
    provider.on("status", update);
    provider.on("sync", update);
    doc.on("update", update);
    // The browser knows about a lost network long before a socket times out.
    const offline = () => provider.disconnect();
    const online = () => provider.connect();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    const interval = window.setInterval(update, 2000);
    // The doc and provider are external objects with a lifecycle of their own (StrictMode runs this
    // cleanup and the effect again), so they are created here and handed to render through state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession({ doc, provider });
    return () => {
      window.clearInterval(interval);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [documentId, t]);

  const editable = canWrite && access !== "read";

  return (
    <div className="document-editor">
      <div className="editor-meta">
        <p className={`sync-status sync-status--${status}`} data-testid="sync-status" data-status={status}>
          <span className="visually-hidden">{t("editor.statusLabel")}: </span>
          {t(STATUS_TEXT[status])}
        </p>
        {session ? <PresenceBar awareness={session.provider.awareness} /> : null}
      </div>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      {!editable ? <p className="notice notice--info">{t("editor.readOnly")}</p> : null}
      {session ? <LiveEditor session={session} user={user} editable={editable} /> : <p className="muted">{t("editor.loading")}</p>}
    </div>
  );
}

function LiveEditor({ session, user, editable }: { session: Session; user: { id: string; name: string }; editable: boolean }) {
  const t = useT();
  const caretUser = useMemo(() => ({ name: user.name, color: colourFor(user.id) }), [user.id, user.name]);
  const extensions = useMemo(
    () => [
      ...documentExtensions({ placeholder: t("editor.placeholder"), filterTransaction: (tr) => !isChangeOrigin(tr) }),
      Collaboration.configure({ document: session.doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider: session.provider, user: caretUser }),
    ],
    [session, t, caretUser],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: {
        attributes: { "aria-label": t("editor.label"), "aria-multiline": "true", role: "textbox", class: "editor-content" },
      },
    },
    [extensions],
  );
  useEffect(() => {
    editor?.setEditable(editable);
    if (editor) editor.view.dom.setAttribute("aria-readonly", String(!editable));
  }, [editor, editable]);

  if (!editor) return <p className="muted">{t("editor.loading")}</p>;
  return (
    <div className="editor-frame">
      {editable ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
