"use client";

import { useEffect, useId, useRef } from "react";
import { api } from "@/lib/urls";
import { useT } from "../i18n-provider";
import { announce } from "../ui/announcer";
import { FormStatus } from "../ui/form-status";
import { useMutation } from "../ui/use-mutation";

type Target = { forum: string; documentId: string; title: string; version: number };

/**
 * Archive and restore on a document's page, for those the policy lets do it (the API asks again).
 * Archiving asks first in a modal <dialog> (showModal: the rest of the page is inert, Escape
 * cancels) that says what it does and starts on "Avbryt", the safe choice. Restoring needs no
 * confirmation: nothing is lost. One component for both states, so its status message and focus
 * survive the page's refresh: focus goes to the button that now stands where the old one was.
 */
export function ArchiveControl({ forum, documentId, title, version, archived, mayArchive, mayRestore }: Target & {
  archived: boolean; mayArchive: boolean; mayRestore: boolean;
}) {
  const t = useT();
  const m = useMutation();
  const dialog = useRef<HTMLDialogElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  const id = useId();

  // Once the refreshed page says the state changed, the button that replaced the old one takes focus.
  useEffect(() => {
    if (moved.current) {
      moved.current = false;
      toggle.current?.focus();
    }
  }, [archived]);

  function open() {
    m.reset();
    dialog.current?.showModal();
    cancel.current?.focus();
  }
  async function archive() {
    const done = await m.run({ url: api.document(forum, documentId), method: "PATCH", body: { archived: true, version }, success: t("documents.archivedDone") });
    if (done) {
      moved.current = true;
      dialog.current?.close();
    }
  }
  async function restore() {
    const done = await m.run({ url: api.document(forum, documentId), method: "PATCH", body: { archived: false, version }, success: t("documents.restoredDone", { title }) });
    if (done) moved.current = true;
  }

  if (archived ? !mayRestore : !mayArchive) return <FormStatus error={m.error} success={m.success} />;
  return (
    <div className="stack">
      <FormStatus error={archived ? m.error : null} success={m.success} />
      {archived ? (
        <button ref={toggle} type="button" className="button button--secondary" onClick={restore} disabled={m.pending}>
          {t("documents.restore")}
        </button>
      ) : (
        <button ref={toggle} type="button" className="button button--danger" onClick={open}>
          {t("documents.archive")}
        </button>
      )}
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}
        onClose={() => (moved.current ? undefined : toggle.current?.focus())}>
        <h2 id={`${id}-title`}>{t("documents.archiveConfirmTitle", { title })}</h2>
        <p id={`${id}-body`}>{t("documents.archiveConfirmBody")}</p>
        <FormStatus error={archived ? null : m.error} success={null} />
        <div className="button-row">
          <button type="button" className="button button--danger" onClick={archive} disabled={m.pending}>
            {m.pending ? t("documents.archiving") : t("documents.archiveConfirm")}
          </button>
          <button ref={cancel} type="button" className="button button--secondary" onClick={() => dialog.current?.close()} disabled={m.pending}>
            {t("common.cancel")}
          </button>
        </div>
      </dialog>
    </div>
  );
}

/** Restore from the group's archive list; the row goes when the page is read again, so the list's announcer speaks. */
export function RestoreDocumentButton({ forum, documentId, title, version }: Target) {
  const t = useT();
  const m = useMutation();
  async function restore() {
    const done = await m.run({ url: api.document(forum, documentId), method: "PATCH", body: { archived: false, version } });
    if (done) announce(t("documents.restoredDone", { title }));
  }
  return (
    <span className="row-actions">
      {/* The visible word begins the accessible name (WCAG 2.5.3), which adds the document's title. */}
      <button type="button" className="button button--secondary" disabled={m.pending} onClick={restore} aria-label={t("documents.restoreNamed", { title })}>
        {t("documents.restoreShort")}
      </button>
      <FormStatus error={m.error} success={null} />
    </span>
  );
}
