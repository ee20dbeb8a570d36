"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useT } from "../i18n-provider";

interface Entry {
  pos: number;
  level: number;
  text: string;
}

function headingsOf(editor: Editor): Entry[] {
  const out: Entry[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === "heading") {
      const text = node.textContent.trim();
      if (text) out.push({ pos, level: Math.max(2, Number(node.attrs.level) || 2), text });
      return false;
    }
    return node.isBlock;
  });
  return out;
}

/**
 * The document's headings as a navigation landmark, live as the text changes. Choosing one scrolls
 * the text to it and puts the cursor there (or, read-only, just scrolls).
 */
export function DocumentOutline({ editor }: { editor: Editor }) {
  const t = useT();
  const json = useEditorState({ editor, selector: ({ editor: e }) => JSON.stringify(headingsOf(e)) });
  const entries = JSON.parse(json) as Entry[];
  if (entries.length === 0) return null;

  const go = (entry: Entry) => {
    const dom = editor.view.nodeDOM(entry.pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "start", behavior: "smooth" });
    if (editor.isEditable) editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(entry.pos + 1).run();
    else if (dom instanceof HTMLElement) {
      dom.tabIndex = -1;
      dom.focus({ preventScroll: true });
    }
  };

  return (
    <nav className="card doc-outline" aria-label={t("editor.outline.label")}>
      <h2 className="doc-outline__title">{t("editor.outline.title")}</h2>
      <ol className="doc-outline__list">
        {entries.map((entry) => (
          <li key={`${entry.pos}`} className={`doc-outline__item doc-outline__item--${entry.level}`}>
            <button type="button" className="doc-outline__link" onClick={() => go(entry)}>{entry.text}</button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
