"use client";

import type { MessageKey } from "@/lib/i18n";
import { ModalDialog } from "../ui/modal-dialog";
import { useT } from "../i18n-provider";

/** What can be typed at the start of a line (or around words) and what it becomes: the editor's input rules. */
const INPUT_RULES: { typed: string; result: MessageKey }[] = [
  { typed: "## ", result: "editor.help.h2" },
  { typed: "### ", result: "editor.help.h3" },
  { typed: "- ", result: "editor.help.bullet" },
  { typed: "1. ", result: "editor.help.ordered" },
  { typed: "[ ] ", result: "editor.help.task" },
  { typed: "> ", result: "editor.help.quote" },
  { typed: "```", result: "editor.help.code" },
  { typed: "---", result: "editor.help.divider" },
  { typed: "**tekst**", result: "editor.help.bold" },
  { typed: "*tekst*", result: "editor.help.italic" },
  { typed: "~~tekst~~", result: "editor.help.strike" },
  { typed: "`tekst`", result: "editor.help.inlineCode" },
  { typed: "/", result: "editor.help.slash" },
];

const SHORTCUTS: { keys: string[]; result: MessageKey }[] = [
  { keys: ["Ctrl", "B"], result: "editor.help.bold" },
  { keys: ["Ctrl", "I"], result: "editor.help.italic" },
  { keys: ["Ctrl", "U"], result: "editor.help.underline" },
  { keys: ["Ctrl", "K"], result: "editor.help.link" },
  { keys: ["Ctrl", "Z"], result: "editor.help.undo" },
  { keys: ["Ctrl", "Shift", "Z"], result: "editor.help.redo" },
  { keys: ["Ctrl", "Alt", "M"], result: "editor.help.comment" },
  { keys: ["Alt", "F10"], result: "editor.help.selectionTools" },
  { keys: ["Ctrl", "/"], result: "editor.help.open" },
];

/** The Markdown-style input rules and keyboard shortcuts that work in the editor. */
export function ShortcutsDialog({ onClose, returnFocus }: { onClose: () => void; returnFocus: () => void }) {
  const t = useT();
  return (
    <ModalDialog title={t("editor.help.title")} onClose={onClose} returnFocus={returnFocus} className="shortcuts-dialog">
      <div className="shortcuts-dialog__body">
        <table className="table">
          <caption>{t("editor.help.typing")}</caption>
          <thead><tr><th scope="col">{t("editor.help.type")}</th><th scope="col">{t("editor.help.gives")}</th></tr></thead>
          <tbody>
            {INPUT_RULES.map((r) => (
              <tr key={r.typed}><td><code>{r.typed}</code></td><td>{t(r.result)}</td></tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>{t("editor.help.keys")}</caption>
          <thead><tr><th scope="col">{t("editor.help.press")}</th><th scope="col">{t("editor.help.gives")}</th></tr></thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys.join("+")}>
                <td>{s.keys.map((k, i) => <span key={k}>{i ? " + " : ""}<kbd>{k}</kbd></span>)}</td>
                <td>{t(s.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t("editor.help.mac")}</p>
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onClose}>{t("editor.help.close")}</button>
      </div>
    </ModalDialog>
  );
}
