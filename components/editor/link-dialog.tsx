"use client";

import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { isSafeLinkUrl } from "@/lib/editor/extensions";
import { ModalDialog } from "../ui/modal-dialog";
import { TextField } from "../ui/field";
import { useT } from "../i18n-provider";

export interface LinkTarget {
  href: string;
  text: string;
  existing: boolean;
}

/** Selects the whole link at the cursor, if any, and reads it (or the selected text, for a new link). */
export function linkTarget(editor: Editor): LinkTarget {
  if (editor.isActive("link")) editor.chain().extendMarkRange("link").run();
  const { from, to } = editor.state.selection;
  const href = (editor.getAttributes("link").href as string | undefined) ?? "";
  return { href, text: editor.state.doc.textBetween(from, to, " ", " "), existing: editor.isActive("link") };
}

/** A typed address as stored: "nav.no" becomes https://nav.no, "post@x.no" mailto:post@x.no. */
export function normaliseLinkUrl(raw: string): string {
  const url = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(url)) return `mailto:${url}`;
  if (/^[^\s/]+\.[^\s/]+/.test(url)) return `https://${url}`;
  return url;
}

/**
 * Adds, changes or removes a link: address (http, https or mailto only, checked like the server's
 * renderer checks it) and the words shown. Nothing changes until the dialog is confirmed.
 */
export function LinkDialog({ editor, initial, onClose }: { editor: Editor; initial: LinkTarget; onClose: () => void }) {
  const t = useT();
  const [href, setHref] = useState(initial.href);
  const [text, setText] = useState(initial.text);
  const [error, setError] = useState<string | undefined>();
  const [textError, setTextError] = useState<string | undefined>();

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const url = normaliseLinkUrl(href);
    if (!url) return setError(t("editor.linkDialog.urlRequired"));
    if (!isSafeLinkUrl(url)) return setError(t("editor.linkInvalid"));
    setError(undefined);
    const words = text.trim() ? text : initial.text || "";
    if (!words.trim() && !initial.text) return setTextError(t("editor.linkDialog.textRequired"));
    const { from, to } = editor.state.selection;
    const chain = editor.chain().focus();
    if (words !== initial.text || from === to) {
      chain.insertContentAt({ from, to }, { type: "text", text: words, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return (
    <ModalDialog title={initial.existing ? t("editor.linkDialog.editTitle") : t("editor.linkDialog.title")} onClose={onClose}
      returnFocus={() => editor.commands.focus()} className="link-dialog">
      <form onSubmit={save} noValidate className="stack">
        <TextField label={t("editor.linkDialog.url")} name="href" type="text" inputMode="url" autoComplete="url" required value={href}
          hint={t("editor.linkDialog.urlHint")} error={error} onChange={(e) => { setHref(e.target.value); setError(undefined); }} />
        <TextField label={t("editor.linkDialog.text")} name="text" value={text} error={textError}
          onChange={(e) => { setText(e.target.value); setTextError(undefined); }} />
        <div className="button-row">
          <button type="submit" className="button button--primary">{t("editor.linkDialog.save")}</button>
          {initial.existing ? (
            <button type="button" className="button button--danger" onClick={remove}>{t("editor.linkDialog.remove")}</button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={onClose}>{t("actions.cancel")}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
