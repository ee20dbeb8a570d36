"use client";

import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { IndexeddbPersistence } from "y-indexeddb";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { DOCUMENT_FIELD, documentExtensions } from "@/lib/editor/extensions";
import type { AccessMode } from "@/lib/realtime/protocol";
import { documentRoom } from "@/lib/realtime/rooms";
import type { MessageKey } from "@/lib/i18n";
import type { ActorStanding } from "@/lib/policies/actor";
import type { DocumentAbilities } from "@/lib/policies/document";
import type { PresentedAction } from "@/lib/presenters/action";
import { api, pages } from "@/lib/urls";
import { ANCHOR_TEXT_MAX } from "@/lib/validation/action";
import { isOpen } from "@/lib/time/oslo";
import { useT } from "../i18n-provider";
import { ActionCreateForm, type Choices } from "../board/action-form";
import { openRoomProvider } from "../realtime/open-provider";
import { ModalDialog } from "../ui/modal-dialog";
import { useBoards } from "../board/use-boards";
import { ActionMarkers, actionMarkersKey, type Marker } from "./action-markers";
import { PresenceBar } from "./presence";
import { colourFor, hasUnsaved, syncStatus, type SyncStatus } from "./sync-status";
import { Toolbar } from "./toolbar";
import { useDocumentComments } from "../comments/document-comments";
import { useCommentSelection } from "./comment-selection";
import { FormattingMenu } from "./formatting-menu";
import { ImageDialog } from "./image-dialog";
import { LinkDialog, linkTarget, type LinkTarget } from "./link-dialog";
import { DocumentOutline } from "./outline";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SlashBridge, SlashCommand, SlashMenu } from "./slash-menu";
import { TableControls } from "./table-controls";

/** A dialog the editor has open (at most one). */
type EditorDialog =
  | { kind: "link"; target: LinkTarget }
  | { kind: "image"; file: File | null; at: number | null }
  | { kind: "help" };

/** Image files among pasted or dropped data (the first one is inserted). */
function imageFileOf(data: DataTransfer | null): File | null {
  for (const file of data?.files ?? []) if (/^image\//.test(file.type)) return file;
  return null;
}

interface Session {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

// Marks for the benchmark's breakdown of opening a document (navigation → code → socket → sync → view).
if (typeof window !== "undefined") performance.mark("editor:module");

const STATUS_TEXT: Record<SyncStatus, MessageKey> = {
  connecting: "editor.statusConnecting",
  saving: "editor.statusSaving",
  saved: "editor.statusSaved",
  offline: "editor.statusOffline",
  readOnly: "editor.statusReadOnly",
};

/**
 * The live editor of one document: a Y.Doc kept in IndexedDB (offline copy) and synced with the
 * server over the stock y-websocket protocol. The server decides what the connection may do; the
 * page's abilities are only the first guess until it says so.
 */
export interface ActionContext {
  forum: string;
  groupId: string;
  choices: Choices;
  /** Items of the group anchored to this document, as the server had them. */
  initial: PresentedAction[];
  /** The viewer's standing: live items are presented with it (their abilities). */
  viewer: ActorStanding;
}

export function DocumentEditor({ documentId, user, abilities, actions }: {
  documentId: string; user: { id: string; name: string }; abilities: DocumentAbilities; actions: ActionContext;
}) {
  const t = useT();
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<SyncStatus>("connecting");
  /** Whether the provider has the server's state (the first sync of this connection is done). */
  const [synced, setSynced] = useState(false);
  const [access, setAccess] = useState<AccessMode | null>(null);
  const [announcement, setAnnouncement] = useState("");
  /** Set when the server refused this browser's changes and they were discarded (stays on the page). */
  const [refused, setRefused] = useState(false);
  /** Bumped to throw the local copy away and start a fresh session from the server. */
  const [generation, setGeneration] = useState(0);
  const comments = useDocumentComments();
  // Stable for a document (it only changes with the threads' address).
  const refreshThreads = comments?.refresh ?? null;

  useEffect(() => {
    const doc = new Y.Doc();
    const room = documentRoom(documentId);
    const local = new IndexeddbPersistence(`samrad:${room}`, doc);
    let saved = new Map<number, number>();
    let everConnected = false;
    let announcedOffline = false;
    // What this socket was told: its mode, and whether its first "saved" (part of the handshake) came.
    let mode: AccessMode | null = null;
    let handshakeSaved = false;
    let disposed = false;
    let marked = false;

    /**
     * A read-only connection whose handshake says the server lacks changes held here: the server
     * refused them (read-only, or access removed while they waited offline). They are discarded —
     * the offline copy is cleared and a fresh session starts from the server — and the user is told.
     * Checked once per connection, at the handshake: later "saved" messages may lag a broadcast.
     */
    const checkRefused = () => {
      if (disposed || mode !== "read" || !handshakeSaved || !hasUnsaved(saved, doc)) return;
      disposed = true;
      provider.destroy();
      void local.clearData().finally(() => {
        setRefused(true);
        setGeneration((g) => g + 1);
      });
    };
    const provider = openRoomProvider(
      room,
      doc,
      (message) => {
        if (message.kind === "saved") {
          saved = Y.decodeStateVector(message.stateVector);
          if (!handshakeSaved) {
            handshakeSaved = true;
            checkRefused();
          }
        }
        if (message.kind === "threads") void refreshThreads?.();
        if (message.kind === "access") {
          mode = message.mode;
          setAccess(message.mode);
          checkRefused();
        }
        update();
      },
      () => {
        mode = "read";
        setAccess("read");
        checkRefused();
        update();
      },
    );
    // The offline copy and the socket load side by side (waiting for IndexedDB before connecting cost
    // a typical document a third of a second on a busy machine: B1).
    void local.whenSynced.then(() => performance.mark("editor:local"));
    performance.mark("editor:provider");
    const onStatus = ({ status: socket }: { status: string }) => {
      if (socket === "connected" && !performance.getEntriesByName("editor:socket").length) performance.mark("editor:socket");
      // A new socket gets a new handshake.
      if (socket === "connecting" || socket === "disconnected") {
        mode = null;
        handshakeSaved = false;
      }
      update();
    };
    const update = () => {
      if (disposed) return;
      const next = syncStatus({ connected: provider.wsconnected, synced: provider.synced, readOnly: mode === "read", saved, doc });
      setStatus(next);
      if (provider.synced && !marked) {
        marked = true;
        performance.mark("editor:synced");
      }
      setSynced(provider.synced);
      // Only connection changes are announced to screen readers; "saving"/"saved" would be noise.
      if (next === "saving" || next === "saved" || next === "readOnly") everConnected = true;
      if (next === "offline" && everConnected && !announcedOffline) {
        announcedOffline = true;
        setAnnouncement(t("editor.wentOffline"));
      } else if ((next === "saved" || next === "readOnly") && announcedOffline) {
        announcedOffline = false;
        setAnnouncement(t("editor.backOnline"));
      }
    };
    provider.on("status", onStatus);
    provider.on("sync", update);
    doc.on("update", update);
    // The browser knows about a lost network long before a socket times out.
    // (Not once discarded: a refused session must not reconnect while its offline copy is cleared.)
    const offline = () => {
      if (!disposed) provider.disconnect();
    };
    const online = () => {
      if (!disposed) provider.connect();
    };
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
      if (!disposed) provider.destroy();
      disposed = true;
      void local.destroy();
      doc.destroy();
    };
  }, [documentId, t, generation, refreshThreads]);

  // The server has the last word (it tells the connection its mode); the abilities are the first guess.
  const editable = abilities.write && access !== "read";
  const mayAnchor = abilities.createAnchoredAction && editable;

  return (
    // data-synced: the provider holds the server's state (the benchmark waits for it with an editable text).
    <div className="document-editor" data-synced={String(synced)}>
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
      {/* Present from the start, so the notice is announced (politely) when it appears. */}
      <div role="status" className="editor-refused">
        {refused ? <p className="notice notice--warn">{t("editor.changesRefused")}</p> : null}
      </div>
      {!editable ? (
        <p className="notice notice--info">
          {t("editor.readOnly")}
          {comments?.mayComment && !abilities.write ? ` ${t("comments.readOnlyNote")}` : ""}
        </p>
      ) : null}
      {session ? (
        <LiveEditor session={session} user={user} editable={editable} mayAnchor={mayAnchor} documentId={documentId} actions={actions} />
      ) : (
        <p className="muted">{t("editor.loading")}</p>
      )}
    </div>
  );
}

function LiveEditor({ session, user, editable, mayAnchor, documentId, actions }: {
  session: Session; user: { id: string; name: string }; editable: boolean; mayAnchor: boolean; documentId: string; actions: ActionContext;
}) {
  const t = useT();
  const [anchorFor, setAnchorFor] = useState<{ blockId: string; text: string } | null>(null);
  // The action just made from a paragraph: said (and focused) beside the button once the dialog closes.
  const [created, setCreated] = useState<PresentedAction | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  const [currentBlock, setCurrentBlock] = useState<{ blockId: string; text: string } | null>(null);
  const { items } = useBoards([actions.groupId], actions.initial, actions.viewer);
  const caretUser = useMemo(() => ({ name: user.name, color: colourFor(user.id) }), [user.id, user.name]);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const slash = useMemo(() => new SlashBridge((item) => t(item.label)), [t]);
  const forum = actions.forum;
  const extensions = useMemo(
    () => [
      ...documentExtensions({
        placeholder: t("editor.placeholder"), filterTransaction: (tr) => !isChangeOrigin(tr), imageSrc: (id) => api.image(forum, id),
      }),
      Collaboration.configure({ document: session.doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider: session.provider, user: caretUser }),
      ActionMarkers,
      SlashCommand.configure({ bridge: slash }),
    ],
    [session, t, caretUser, slash, forum],
  );
  // Keys and pasted or dropped images reach the editor's handlers through this (they are set once).
  const handlers = useRef<{ key: (e: KeyboardEvent) => boolean; image: (file: File, at: number | null) => void }>({ key: () => false, image: () => {} });
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: {
        attributes: { "aria-label": t("editor.label"), "aria-multiline": "true", role: "textbox", class: "editor-content" },
        handleKeyDown: (_view, event) => handlers.current.key(event),
        handlePaste: (view, event) => {
          const file = imageFileOf(event.clipboardData);
          if (!file || !view.editable) return false;
          handlers.current.image(file, null);
          return true;
        },
        handleDrop: (view, event) => {
          const file = imageFileOf(event.dataTransfer);
          if (!file || !view.editable) return false;
          event.preventDefault();
          handlers.current.image(file, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null);
          return true;
        },
      },
    },
    [extensions],
  );
  useEffect(() => {
    if (editor && !performance.getEntriesByName("editor:view").length) performance.mark("editor:view");
    editor?.setEditable(editable);
    if (editor) editor.view.dom.setAttribute("aria-readonly", String(!editable));
  }, [editor, editable]);

  // Which paragraph the cursor is in (actions can be made from it).
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const parent = editor.state.selection.$from.parent;
      const id = parent.attrs.id as string | undefined;
      setCurrentBlock(id && parent.isTextblock ? { blockId: id, text: parent.textContent } : null);
    };
    editor.on("selectionUpdate", read);
    editor.on("update", read);
    return () => {
      editor.off("selectionUpdate", read);
      editor.off("update", read);
    };
  }, [editor]);

  // Markers for the paragraphs that anchor actions, live from the group's board.
  useEffect(() => {
    if (!editor) return;
    const markers = new Map<string, Marker[]>();
    for (const item of items) {
      if (item.anchor?.documentId !== documentId || item.anchor.missing) continue;
      const owner = item.owner?.name ?? t("actions.noOwner");
      const status = t(`actionStatus.${item.status}`);
      const list = markers.get(item.anchor.blockId) ?? [];
      list.push({
        id: item.id,
        href: pages.action(actions.forum, item.groupId, item.id),
        // The visible words are part of the link's name (WCAG 2.5.3): "Tiltak: title – owner, status".
        label: `${owner}, ${status}`,
        description: t("actions.marker", { title: item.title, owner, status }),
        done: !isOpen(item),
      });
      markers.set(item.anchor.blockId, list);
    }
    editor.view.dispatch(editor.state.tr.setMeta(actionMarkersKey, { markers }));
  }, [editor, items, documentId, actions.forum, t]);

  // Arriving from an action (#block-<id>): scroll to its paragraph once it is there, and mark it.
  useEffect(() => {
    if (!editor) return;
    const hash = window.location.hash;
    if (!hash.startsWith("#block-")) return;
    const id = hash.slice("#block-".length);
    let tries = 0;
    let clear = 0;
    const timer = window.setInterval(() => {
      const el = editor.view.dom.querySelector(`[data-id="${CSS.escape(id)}"]`);
      if (el || ++tries > 100) window.clearInterval(timer);
      if (!el) return;
      el.scrollIntoView({ block: "center" });
      // A decoration, not a class on the DOM node: the editor owns its DOM and would wipe it.
      editor.view.dispatch(editor.state.tr.setMeta(actionMarkersKey, { highlight: id }));
      clear = window.setTimeout(() => editor.view.dispatch(editor.state.tr.setMeta(actionMarkersKey, { highlight: null })), 6000);
    }, 100);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(clear);
    };
  }, [editor]);

  const frame = useRef<HTMLDivElement>(null);
  const comment = useCommentSelection(editor, frame);

  const openLink = useCallback(() => {
    if (editor?.isEditable) setDialog({ kind: "link", target: linkTarget(editor) });
  }, [editor]);
  const openImage = useCallback(() => setDialog({ kind: "image", file: null, at: null }), []);
  const openHelp = useCallback(() => setDialog({ kind: "help" }), []);
  const openers = useMemo(() => ({ link: openLink, image: openImage, help: openHelp }), [openLink, openImage, openHelp]);
  useEffect(() => {
    handlers.current = {
      key(e) {
        const mod = e.ctrlKey || e.metaKey;
        if (mod && !e.altKey && e.key.toLowerCase() === "k") {
          e.preventDefault();
          openLink();
          return true;
        }
        if (mod && (e.key === "/" || e.code === "Slash")) {
          e.preventDefault();
          openHelp();
          return true;
        }
        if (e.altKey && e.key === "F10") {
          const first = frame.current?.querySelector<HTMLElement>(".formatting-menu button");
          if (!first) return false;
          e.preventDefault();
          first.focus();
          return true;
        }
        return false;
      },
      image(file, at) {
        if (editor?.isEditable) setDialog({ kind: "image", file, at });
      },
    };
  }, [editor, openLink, openHelp]);

  // The outline goes to the page's side column when it has a place for it (else above the text).
  const [outlineSlot, setOutlineSlot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    // The slot is server-rendered beside this client-only editor: found once it is mounted.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOutlineSlot(document.getElementById("document-outline"));
  }, []);

  if (!editor) return <p className="muted">{t("editor.loading")}</p>;
  const outline = <DocumentOutline editor={editor} />;
  return (
    <>
      {outlineSlot ? createPortal(outline, outlineSlot) : outline}
      <div className="editor-frame" ref={frame}>
        {editable ? (
          <div className="editor-toolbars">
            <Toolbar editor={editor} open={openers} />
            <TableControls editor={editor} />
          </div>
        ) : null}
        {comment.style ? <style>{comment.style}</style> : null}
        <EditorContent editor={editor} />
        {editable ? <SlashMenu editor={editor} bridge={slash} openImage={openImage} /> : null}
        {editable ? <FormattingMenu editor={editor} onLink={openLink} onComment={comment.mayComment ? comment.compose : null} /> : null}
        {/* Read-only: the selection's own "Comment" button (editable texts have it in the formatting menu). */}
        {!editable && comment.floatTop !== null ? (
          <button type="button" className="button button--primary button--small comment-float" style={{ top: comment.floatTop }}
            onMouseDown={(e) => e.preventDefault()} onClick={comment.compose}>
            {t("comments.comment")}
          </button>
        ) : null}
      </div>
      {mayAnchor ? (
        <p className="button-row editor-actions">
          <button type="button" className="button button--secondary" disabled={!currentBlock || !currentBlock.text.trim()} aria-haspopup="dialog"
            onClick={() => {
              setCreated(null);
              setAnchorFor(currentBlock);
            }}>
            {t("actions.fromParagraph")}
          </button>
        </p>
      ) : null}
      {dialog?.kind === "link" ? <LinkDialog editor={editor} initial={dialog.target} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "image" ? (
        <ImageDialog editor={editor} forum={forum} documentId={documentId} file={dialog.file} at={dialog.at} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "help" ? <ShortcutsDialog onClose={() => setDialog(null)} returnFocus={() => editor.commands.focus()} /> : null}
      {created ? (
        <div className="notice notice--success editor-created" role="status" tabIndex={-1} ref={createdRef}>
          {t("actions.created", { title: created.title })}{" "}
          <a href={pages.actionDetail(actions.forum, created.groupId, created.id)}>{t("actions.openCreated")}</a>
        </div>
      ) : null}
      {anchorFor ? (
        <ModalDialog labelledBy="anchor-action-title" onClose={() => setAnchorFor(null)} focusAfter={createdRef}>
          <ActionCreateForm
            forum={actions.forum} groupId={actions.groupId} choices={actions.choices} heading={t("actions.fromParagraphTitle")} headingId="anchor-action-title"
            anchor={{ documentId, blockId: anchorFor.blockId, text: anchorFor.text.slice(0, ANCHOR_TEXT_MAX) }} initialTitle={anchorFor.text.trim().slice(0, 120)}
            onDone={(item) => {
              setCreated(item);
              setAnchorFor(null);
            }}
            onCancel={() => setAnchorFor(null)}
          />
        </ModalDialog>
      ) : null}
    </>
  );
}
