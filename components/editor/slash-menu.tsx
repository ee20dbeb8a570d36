"use client";

import { Extension, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { Suggestion, type SuggestionProps } from "@tiptap/suggestion";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { filterSlashItems, type SlashItem, type SlashItemId } from "@/lib/editor/slash-commands";
import { useT } from "../i18n-provider";
import { TABLE_SIZE } from "./toolbar";

interface SlashHandlers {
  open: (props: SuggestionProps<SlashItem, SlashItem>) => void;
  update: (props: SuggestionProps<SlashItem, SlashItem>) => void;
  close: () => void;
  keyDown: (event: KeyboardEvent) => boolean;
}

/** Carries what the plugin sees to the menu (the React component connects while it is mounted). */
export class SlashBridge {
  private handlers: SlashHandlers | null = null;
  constructor(readonly label: (item: SlashItem) => string) {}
  connect(handlers: SlashHandlers): () => void {
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }
  open(props: SuggestionProps<SlashItem, SlashItem>) {
    this.handlers?.open(props);
  }
  update(props: SuggestionProps<SlashItem, SlashItem>) {
    this.handlers?.update(props);
  }
  close() {
    this.handlers?.close();
  }
  keyDown(event: KeyboardEvent): boolean {
    return this.handlers?.keyDown(event) ?? false;
  }
}

export const slashKey = new PluginKey("slashMenu");

/**
 * "/" at the start of a paragraph or after a space opens a list of block types (the menu below
 * shows it). Not inside code blocks.
 */
export const SlashCommand = Extension.create<{ bridge: SlashBridge | null }>({
  name: "slashCommand",
  addOptions() {
    return { bridge: null };
  },
  addProseMirrorPlugins() {
    const bridge = this.options.bridge;
    if (!bridge) return [];
    return [
      Suggestion<SlashItem, SlashItem>({
        editor: this.editor,
        pluginKey: slashKey,
        char: "/",
        allowedPrefixes: [" "],
        items: ({ query }) => filterSlashItems(query, bridge.label),
        allow: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          return $from.parent.type.name === "paragraph" && !$from.parent.type.spec.code;
        },
        render: () => ({
          onStart: (props) => bridge.open(props),
          onUpdate: (props) => bridge.update(props),
          onExit: () => bridge.close(),
          onKeyDown: ({ event }) => bridge.keyDown(event),
        }),
      }),
    ];
  },
});

/** Carries out a block choice in place of the typed "/query". */
export function runSlashItem(editor: Editor, id: SlashItemId, range: Range, openImage: () => void) {
  const chain = editor.chain().focus().deleteRange(range);
  switch (id) {
    case "heading2": return chain.setHeading({ level: 2 }).run();
    case "heading3": return chain.setHeading({ level: 3 }).run();
    case "paragraph": return chain.setParagraph().run();
    case "bulletList": return chain.toggleBulletList().run();
    case "orderedList": return chain.toggleOrderedList().run();
    case "taskList": return chain.toggleTaskList().run();
    case "blockquote": return chain.toggleBlockquote().run();
    case "table": return chain.insertTable(TABLE_SIZE).run();
    case "divider": return chain.setHorizontalRule().run();
    case "codeBlock": return chain.toggleCodeBlock().run();
    case "image":
      chain.run();
      return openImage();
  }
}

interface Open {
  items: SlashItem[];
  range: Range;
  x: number;
  y: number;
  placed: boolean;
}

/**
 * The "/" menu: a listbox the editor controls as a combobox while it is open (the editor keeps
 * focus; aria-activedescendant names the highlighted option). Up/Down move, Enter or Tab choose,
 * Escape closes; typing filters.
 */
export function SlashMenu({ editor, bridge, openImage }: { editor: Editor; bridge: SlashBridge; openImage: () => void }) {
  const t = useT();
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);
  const menu = useRef<HTMLDivElement>(null);
  const state = useRef({ open, active });
  useEffect(() => {
    state.current = { open, active };
  });

  // Floating UI keeps the open menu beside the cursor (and flips it above near the window's
  // bottom); it is hidden until first placed. Coordinates are relative to the editor's frame.
  const latest = useRef<SuggestionProps<SlashItem, SlashItem> | null>(null);
  const isOpen = open !== null;
  useLayoutEffect(() => {
    if (!isOpen || !menu.current || !latest.current) return;
    return latest.current.mount(menu.current, {
      onPosition: ({ x, y }) => setOpen((o) => (o ? { ...o, x, y, placed: true } : o)),
    });
  }, [isOpen]);

  useEffect(() => {
    const choose = (index: number) => {
      const current = state.current.open;
      const item = current?.items[index];
      if (!current || !item) return false;
      runSlashItem(editor, item.id, current.range, openImage);
      return true;
    };
    const disconnect = bridge.connect({
      open(props) {
        latest.current = props;
        setActive(0);
        setOpen({ items: props.items, range: props.range, x: 0, y: 0, placed: false });
      },
      update(props) {
        latest.current = props;
        setActive((a) => (a < props.items.length ? a : 0));
        setOpen((o) => (o ? { ...o, items: props.items, range: props.range } : o));
      },
      close() {
        latest.current = null;
        setOpen(null);
      },
      keyDown(event) {
        const current = state.current.open;
        if (!current) return false;
        const n = current.items.length;
        if (event.key === "ArrowDown") {
          if (n) setActive((a) => (a + 1) % n);
          return true;
        }
        if (event.key === "ArrowUp") {
          if (n) setActive((a) => (a - 1 + n) % n);
          return true;
        }
        if (event.key === "Home" && n) {
          setActive(0);
          return true;
        }
        if (event.key === "End" && n) {
          setActive(n - 1);
          return true;
        }
        if (event.key === "Enter" || event.key === "Tab") return choose(state.current.active);
        return false;
      },
    });
    return disconnect;
  }, [bridge, editor, openImage]);

  // While open, the editor is the combobox that controls the list.
  const activeId = open?.items.length ? `${id}-opt-${open.items[active]?.id}` : null;
  useEffect(() => {
    const dom = editor.view.dom;
    if (!open) return;
    dom.setAttribute("role", "combobox");
    dom.removeAttribute("aria-multiline");
    dom.setAttribute("aria-expanded", "true");
    dom.setAttribute("aria-controls", listId);
    dom.setAttribute("aria-autocomplete", "list");
    dom.setAttribute("aria-haspopup", "listbox");
    return () => {
      dom.setAttribute("role", "textbox");
      dom.setAttribute("aria-multiline", "true");
      for (const a of ["aria-expanded", "aria-controls", "aria-autocomplete", "aria-haspopup", "aria-activedescendant"]) dom.removeAttribute(a);
    };
  }, [editor, open, listId]);
  useEffect(() => {
    const dom = editor.view.dom;
    if (activeId) dom.setAttribute("aria-activedescendant", activeId);
    else dom.removeAttribute("aria-activedescendant");
    document.getElementById(activeId ?? "")?.scrollIntoView({ block: "nearest" });
  }, [editor, activeId]);

  if (!open) return null;
  return (
    <div ref={menu} className="slash-menu" style={{ position: "absolute", left: open.x, top: open.y, visibility: open.placed ? undefined : "hidden" }}>
      <p className="slash-menu__title" id={`${id}-title`}>{t("editor.slash.title")}</p>
      {open.items.length ? (
        <ul role="listbox" id={listId} aria-labelledby={`${id}-title`} className="slash-menu__list">
          {open.items.map((item, i) => (
            <li key={item.id} id={`${id}-opt-${item.id}`} role="option" aria-selected={i === active}
              className={`slash-menu__option${i === active ? " slash-menu__option--active" : ""}`}
              onMouseDown={(e) => e.preventDefault()} onMouseMove={() => i !== active && setActive(i)}
              onClick={() => runSlashItem(editor, item.id, open.range, openImage)}>
              {t(item.label)}
            </li>
          ))}
        </ul>
      ) : (
        <p id={listId} className="slash-menu__empty">{t("editor.slash.none")}</p>
      )}
      <p role="status" className="visually-hidden">{t("editor.slash.count", { count: open.items.length })}</p>
    </div>
  );
}
