"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { MessageKey } from "@/lib/i18n";
import { RovingToolbar } from "../ui/roving-toolbar";
import { useT } from "../i18n-provider";

interface Tool {
  key: MessageKey;
  /** Shown before the words (not read: the words are the button's name). */
  icon?: string;
  shortcut?: string;
  active?: (e: Editor) => boolean;
  run: (e: Editor, open: Openers) => void;
  /** Starts a group (a thin rule before it). */
  group?: boolean;
}

export interface Openers {
  link: () => void;
  image: () => void;
  help: () => void;
}

export const TABLE_SIZE = { rows: 3, cols: 3, withHeaderRow: true } as const;

const TOOLS: Tool[] = [
  { key: "editor.heading2", active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: "editor.heading3", active: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: "editor.bold", group: true, shortcut: "Control+B", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { key: "editor.italic", shortcut: "Control+I", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: "editor.link", shortcut: "Control+K", active: (e) => e.isActive("link"), run: (_e, open) => open.link() },
  { key: "editor.bulletList", group: true, active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: "editor.orderedList", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: "editor.taskList", active: (e) => e.isActive("taskList"), run: (e) => e.chain().focus().toggleTaskList().run() },
  { key: "editor.blockquote", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { key: "editor.table", group: true, run: (e) => e.chain().focus().insertTable(TABLE_SIZE).run() },
  { key: "editor.image", run: (_e, open) => open.image() },
  { key: "editor.undo", group: true, shortcut: "Control+Z", run: (e) => e.chain().focus().undo().run() },
  { key: "editor.redo", shortcut: "Control+Shift+Z", run: (e) => e.chain().focus().redo().run() },
  { key: "editor.shortcuts", icon: "?", group: true, shortcut: "Control+/", run: (_e, open) => open.help() },
];

/**
 * Formatting buttons, one tab stop (arrow keys move inside). Toggles report their state with
 * aria-pressed; each button's name is its visible words.
 */
export function Toolbar({ editor, open }: { editor: Editor; open: Openers }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.map((tool) => (tool.active ? tool.active(e) : null)).join(","),
  });
  const active = state.split(",");

  return (
    <RovingToolbar label={t("editor.toolbar")} className="editor-toolbar">
      {TOOLS.map((tool, i) => (
        <button
          key={tool.key}
          type="button"
          className={`tool${tool.group ? " tool--group" : ""}`}
          aria-pressed={tool.active ? active[i] === "true" : undefined}
          aria-keyshortcuts={tool.shortcut}
          // Keeps the editor's selection while the button is clicked.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => tool.run(editor, open)}
        >
          {tool.icon ? <span aria-hidden="true" className="tool__icon">{tool.icon}</span> : null}
          {t(tool.key)}
        </button>
      ))}
    </RovingToolbar>
  );
}
