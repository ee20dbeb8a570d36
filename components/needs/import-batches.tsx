"use client";

import { useEffect, useRef, useState } from "react";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { ImportBatchView } from "@/lib/presenters/import";
import { api } from "@/lib/urls";
import { useLocale, useT } from "../i18n-provider";
import { FormStatus } from "../ui/form-status";
import { ScrollTable } from "../ui/scroll-table";
import { useMutation } from "../ui/use-mutation";

/** The forum's imports: who, when, source, file, counts, undone or not; Undo (with a confirmation) where allowed. */
export function ImportBatches({ forum, batches }: { forum: string; batches: ImportBatchView[] }) {
  const t = useT();
  const locale = useLocale();
  const m = useMutation();
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const number = (n: number) => formatNumber(n, locale);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function undo(batch: ImportBatchView) {
    const done = await m.run({ url: api.importUndo(forum, batch.id), method: "POST", success: t("imports.undoDone", { file: batch.fileName }) });
    if (done) setConfirming(null);
  }

  return (
    <section aria-labelledby="import-batches" className="stack">
      <h2 id="import-batches">{t("imports.batches")}</h2>
      <p className="muted">{t("imports.batchesIntro")}</p>
      <FormStatus error={m.error} success={m.success} />
      {batches.length === 0 ? (
        <p className="empty">{t("imports.noBatches")}</p>
      ) : (
        <ScrollTable label={t("imports.batches")}>
            <thead>
              <tr>
                <th scope="col">{t("imports.when")}</th>
                <th scope="col">{t("imports.who")}</th>
                <th scope="col">{t("imports.source")}</th>
                <th scope="col">{t("imports.fileName")}</th>
                <th scope="col">{t("imports.groupName")}</th>
                <th scope="col">{t("imports.rows")}</th>
                <th scope="col">{t("imports.created")}</th>
                <th scope="col">{t("imports.updated")}</th>
                <th scope="col">{t("imports.status")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTime(new Date(b.createdAt), locale)}</td>
                  <td>{b.createdBy.name}</td>
                  <td>{b.sourceName}</td>
                  <td>{b.fileName}</td>
                  <td>{b.groupName}</td>
                  <td>{number(b.rowCount)}</td>
                  <td>{number(b.created)}</td>
                  <td>{number(b.updated)}</td>
                  <td>
                    {b.undoneAt ? (
                      <span className="small muted">{t("imports.undone", { date: formatDateTime(new Date(b.undoneAt), locale), name: b.undoneBy ?? "" })}</span>
                    ) : (
                      <div className="stack-tight">
                        <span className="badge badge--ok">{t("imports.active")}</span>
                        {b.abilities.undo && confirming !== b.id ? (
                          <button type="button" className="button button--secondary button--small" aria-label={t("imports.undoLabel", { file: b.fileName })}
                            onClick={() => setConfirming(b.id)}>
                            {t("imports.undo")}
                          </button>
                        ) : null}
                        {confirming === b.id ? (
                          <div role="group" aria-label={t("imports.undoLabel", { file: b.fileName })} className="stack-tight">
                            <p className="small">{t("imports.undoConfirm", { file: b.fileName, created: number(b.created), updated: number(b.updated) })}</p>
                            <div className="button-row">
                              <button ref={confirmButton} type="button" className="button button--danger button--small" disabled={m.pending} onClick={() => void undo(b)}>
                                {m.pending ? t("imports.undoing") : t("imports.undoYes")}
                              </button>
                              <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(null)}>{t("common.cancel")}</button>
                            </div>
                          </div>
                        ) : null}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
