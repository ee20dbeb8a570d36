"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { MessageKey } from "@/lib/i18n";
import { RovingToolbar } from "../ui/roving-toolbar";
import { useT } from "../i18n-provider";

const TABLE_TOOLS: { key: MessageKey; run: (e: Editor) => boolean; danger?: boolean }[] = [
  { key: "editor.tableTools.rowBefore", run: (e) => e.chain().focus().addRowBefore().run() },
  { key: "editor.tableTools.rowAfter", run: (e) => e.chain().focus().addRowAfter().run() },
  { key: "editor.tableTools.columnBefore", run: (e) => e.chain().focus().addColumnBefore().run() },
  { key: "editor.tableTools.columnAfter", run: (e) => e.chain().focus().addColumnAfter().run() },
  { key: "editor.tableTools.deleteRow", run: (e) => e.chain().focus().deleteRow().run(), danger: true },
  { key: "editor.tableTools.deleteColumn", run: (e) => e.chain().focus().deleteColumn().run(), danger: true },
  { key: "editor.tableTools.deleteTable", run: (e) => e.chain().focus().deleteTable().run(), danger: true },
];

/** Row and column buttons, shown while the cursor is in a table (one tab stop, like the main toolbar). */
export function TableControls({ editor }: { editor: Editor }) {
  const t = useT();
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable && e.isActive("table") });
  if (!inTable) return null;
  return (
    <RovingToolbar label={t("editor.tableTools.label")} className="editor-toolbar editor-toolbar--table">
      <span className="editor-toolbar__caption" aria-hidden="true">{t("editor.tableTools.label")}:</span>
      {TABLE_TOOLS.map((tool) => (
        <button key={tool.key} type="button" className={`tool${tool.danger ? " tool--danger" : ""}`}
          onMouseDown={(e) => e.preventDefault()} onClick={() => tool.run(editor)}>
          {t(tool.key)}
        </button>
      ))}
    </RovingToolbar>
  );
}
