"use client";

import { useT } from "../i18n-provider";

export interface ConflictField {
  key: string;
  label: string;
  /** The user's unsaved value, as text. */
  mine: string;
  /** The value someone else saved meanwhile, as text. */
  theirs: string;
}

/**
 * Shown when a save was refused because someone else changed the record meanwhile: every field
 * that differs, the user's value beside the saved one, and the two ways out. Nothing is lost:
 * "Keep mine" saves the user's values over the new version, "Use theirs" loads the saved ones.
 */
export function ConflictPanel({ fields, onKeepMine, onUseTheirs, pending }: {
  fields: ConflictField[]; onKeepMine: () => void; onUseTheirs: () => void; pending?: boolean;
}) {
  const t = useT();
  return (
    <div className="notice notice--warn conflict" role="alert" data-testid="conflict">
      <p>
        <strong>{t("conflict.title")}</strong> {t("conflict.intro")}
      </p>
      {fields.length ? (
        <table className="table conflict__table">
          <thead>
            <tr>
              <th scope="col">{t("conflict.field")}</th>
              <th scope="col">{t("conflict.mine")}</th>
              <th scope="col">{t("conflict.theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.key} data-field={f.key}>
                <th scope="row">{f.label}</th>
                <td data-testid="conflict-mine">{f.mine || "–"}</td>
                <td data-testid="conflict-theirs">{f.theirs || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("conflict.sameValues")}</p>
      )}
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={onKeepMine} disabled={pending}>
          {t("conflict.keepMine")}
        </button>
        <button type="button" className="button button--secondary" onClick={onUseTheirs} disabled={pending}>
          {t("conflict.useTheirs")}
        </button>
      </p>
    </div>
  );
}
