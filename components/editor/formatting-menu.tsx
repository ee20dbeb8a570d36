"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { RovingToolbar } from "../ui/roving-toolbar";
import { useT } from "../i18n-provider";

/**
 * Beside a text selection in an editable text: bold, italic, link and, where the user may comment,
 * "Comment" (the read-only editor has its own floating "Comment" button instead, so the two never
 * show at once). It comes after the text in the tab order; Alt+F10 in the text jumps to it.
 */
export function FormattingMenu({ editor, onLink, onComment }: { editor: Editor; onLink: () => void; onComment: (() => void) | null }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive("bold"), italic: e.isActive("italic"), link: e.isActive("link") }),
  });
  return (
    <BubbleMenu
      editor={editor}
      className="formatting-menu"
      options={{ placement: "top", offset: 8, flip: true, shift: { padding: 8 } }}
      shouldShow={({ editor: e, from, to }) =>
        e.isEditable && from !== to && !e.isActive("image") && !e.isActive("codeBlock") && e.state.doc.textBetween(from, to, " ").trim() !== ""
      }
    >
      <RovingToolbar label={t("editor.selectionTools")} className="formatting-menu__bar">
        <button type="button" className="tool" aria-pressed={state.bold} aria-keyshortcuts="Control+B"
          onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleBold().run()}>
          {t("editor.bold")}
        </button>
        <button type="button" className="tool" aria-pressed={state.italic} aria-keyshortcuts="Control+I"
          onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().toggleItalic().run()}>
          {t("editor.italic")}
        </button>
        <button type="button" className="tool" aria-pressed={state.link} aria-keyshortcuts="Control+K"
          onMouseDown={(e) => e.preventDefault()} onClick={onLink}>
          {t("editor.link")}
        </button>
        {onComment ? (
          <button type="button" className="tool tool--comment" aria-keyshortcuts="Control+Alt+M"
            onMouseDown={(e) => e.preventDefault()} onClick={onComment}>
            {t("comments.comment")}
          </button>
        ) : null}
      </RovingToolbar>
    </BubbleMenu>
  );
}
