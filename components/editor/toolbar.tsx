"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { isSafeLinkUrl } from "@/lib/editor/extensions";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "../i18n-provider";

interface Tool {
  key: MessageKey;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const TOOLS: Tool[] = [
  { key: "editor.heading2", active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: "editor.heading3", active: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: "editor.bold", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { key: "editor.italic", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { key: "editor.bulletList", active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: "editor.orderedList", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: "editor.taskList", active: (e) => e.isActive("taskList"), run: (e) => e.chain().focus().toggleTaskList().run() },
  { key: "editor.blockquote", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { key: "editor.table", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { key: "editor.undo", run: (e) => e.chain().focus().undo().run() },
  { key: "editor.redo", run: (e) => e.chain().focus().redo().run() },
];

/** Formatting buttons. Toggles report their state with aria-pressed. */
export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: TOOLS.map((tool) => (tool.active ? tool.active(e) : null)),
      link: e.isActive("link"),
    }),
  });

  function editLink() {
    const current = (editor.getAttributes("link").href as string | undefined) ?? "";
    const answer = window.prompt(t("editor.linkPrompt"), current);
    if (answer === null) return;
    const href = answer.trim();
    if (href === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isSafeLinkUrl(href)) {
      window.alert(t("editor.linkInvalid"));
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
  }

  return (
    <div role="toolbar" aria-label={t("editor.toolbar")} className="editor-toolbar">
      {TOOLS.map((tool, i) => (
        <button
          key={tool.key}
          type="button"
          className="tool"
          aria-pressed={tool.active ? Boolean(state.active[i]) : undefined}
          onClick={() => tool.run(editor)}
        >
          {t(tool.key)}
        </button>
      ))}
      <button type="button" className="tool" aria-pressed={state.link} onClick={editLink}>
        {t("editor.link")}
      </button>
    </div>
  );
}
