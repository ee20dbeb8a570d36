"use client";

import type { Editor } from "@tiptap/react";
import { useId, useState } from "react";
import { IMAGE_ALT_MAX } from "@/lib/editor/image";
import { api } from "@/lib/urls";
import { ModalDialog } from "../ui/modal-dialog";
import { useT } from "../i18n-provider";

/** The types the server takes (it checks the bytes; this only guides the file picker). */
export const IMAGE_TYPES = "image/png,image/jpeg,image/webp,image/gif";

/**
 * Inserts an image: a file (chosen here, or pasted or dropped into the text) and its alternative
 * text, which is required unless the image is explicitly marked as decorative. The file is uploaded
 * first; the document gets a node with the image's id only once the server has taken it.
 */
export function ImageDialog({ editor, forum, documentId, file: given, at, onClose }: {
  editor: Editor; forum: string; documentId: string; file: File | null; at: number | null; onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const [file, setFile] = useState<File | null>(given);
  const [alt, setAlt] = useState("");
  const [decorative, setDecorative] = useState(false);
  const [errors, setErrors] = useState<{ file?: string; alt?: string; upload?: string }>({});
  const [pending, setPending] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!file) next.file = t("editor.imageDialog.fileRequired");
    if (!decorative && !alt.trim()) next.alt = t("editor.imageDialog.altRequired");
    setErrors(next);
    if (next.file || next.alt || !file) return;
    setPending(true);
    const form = new FormData();
    form.set("file", file);
    form.set("alt", decorative ? "" : alt.trim());
    try {
      const res = await fetch(api.documentImages(forum, documentId), { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as { image?: { id: string }; error?: { message?: string } } | null;
      if (!res.ok || !body?.image) {
        setErrors({ upload: body?.error?.message ?? t("errors.internal") });
        setPending(false);
        return;
      }
      const chain = editor.chain().focus();
      if (at !== null) chain.setTextSelection(Math.min(at, editor.state.doc.content.size));
      chain.insertDocumentImage({ imageId: body.image.id, alt: decorative ? "" : alt.trim() }).run();
      onClose();
    } catch {
      setErrors({ upload: t("editor.imageDialog.network") });
      setPending(false);
    }
  };

  const describe = (key: "file" | "alt", hint?: string) =>
    [hint, errors[key] ? `${id}-${key}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <ModalDialog title={t("editor.imageDialog.title")} onClose={onClose} returnFocus={() => editor.commands.focus()} className="image-dialog"
      initialFocus={given ? `#${CSS.escape(`${id}-alt`)}` : undefined}>
      <form onSubmit={submit} noValidate className="stack">
        <div className={`field${errors.file ? " field--invalid" : ""}`}>
          <label htmlFor={`${id}-file`}>{t("editor.imageDialog.file")}</label>
          <p className="field-hint" id={`${id}-file-hint`}>{t("editor.imageDialog.fileHint")}</p>
          {errors.file ? <p className="field-error" id={`${id}-file-error`}>{errors.file}</p> : null}
          {given ? (
            <p className="image-dialog__chosen">{t("editor.imageDialog.chosen", { name: given.name || "—" })}</p>
          ) : (
            <input id={`${id}-file`} type="file" accept={IMAGE_TYPES} aria-invalid={errors.file ? true : undefined}
              aria-describedby={describe("file", `${id}-file-hint`)} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          )}
        </div>
        <div className={`field${errors.alt ? " field--invalid" : ""}`}>
          <label htmlFor={`${id}-alt`}>{t("editor.imageDialog.alt")}{decorative ? null : <span aria-hidden="true" className="required-mark"> *</span>}</label>
          <p className="field-hint" id={`${id}-alt-hint`}>{t("editor.imageDialog.altHint")}</p>
          {errors.alt ? <p className="field-error" id={`${id}-alt-error`}>{errors.alt}</p> : null}
          <textarea id={`${id}-alt`} rows={2} maxLength={IMAGE_ALT_MAX} value={alt} disabled={decorative} required={!decorative}
            aria-invalid={errors.alt ? true : undefined} aria-describedby={describe("alt", `${id}-alt-hint`)}
            onChange={(e) => setAlt(e.target.value)} />
        </div>
        <div className="checkbox-field">
          <input id={`${id}-decorative`} type="checkbox" checked={decorative}
            onChange={(e) => { setDecorative(e.target.checked); setErrors((x) => ({ ...x, alt: undefined })); }} />
          <label htmlFor={`${id}-decorative`}>{t("editor.imageDialog.decorative")}</label>
        </div>
        <div role="status">{errors.upload ? <p className="notice notice--error">{errors.upload}</p> : null}</div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t("editor.imageDialog.uploading") : t("editor.imageDialog.insert")}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>{t("actions.cancel")}</button>
        </div>
      </form>
    </ModalDialog>
  );
}
