import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface Marker {
  id: string;
  href: string;
  label: string;
  description: string;
  done: boolean;
}

interface MarkerState {
  markers: Map<string, Marker[]>;
  /** The block to highlight (arriving from an action's link), if any. */
  highlight: string | null;
  deco: DecorationSet;
}

export const actionMarkersKey = new PluginKey<MarkerState>("actionMarkers");

function build(doc: PMNode, markers: Map<string, Marker[]>, highlight: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const id = node.attrs.id as string | undefined;
    if (id && id === highlight) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: "block-highlight" }));
    const list = id ? markers.get(id) : undefined;
    if (!list || !node.isTextblock) return;
    for (const m of list) {
      decorations.push(
        Decoration.widget(
          pos + node.nodeSize - 1,
          () => {
            const a = document.createElement("a");
            a.href = m.href;
            a.className = `anchor-marker${m.done ? " anchor-marker--done" : ""}`;
            a.textContent = m.label;
            a.setAttribute("aria-label", m.description);
            a.contentEditable = "false";
            a.dataset.action = m.id;
            return a;
          },
          { side: 1, key: `${m.id}:${m.label}`, ignoreSelection: true },
        ),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows, at the end of each paragraph that anchors action items, a marker with the item's owner and
 * status that links to it. The markers are decorations: they are not part of the shared document.
 */
export const ActionMarkers = Extension.create({
  name: "actionMarkers",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: actionMarkersKey,
        state: {
          init: (): MarkerState => ({ markers: new Map(), highlight: null, deco: DecorationSet.empty }),
          apply(tr, value, _old, state): MarkerState {
            const meta = tr.getMeta(actionMarkersKey) as { markers?: Map<string, Marker[]>; highlight?: string | null } | undefined;
            if (!meta && !tr.docChanged) return value;
            const markers = meta?.markers ?? value.markers;
            const highlight = meta && "highlight" in meta ? (meta.highlight ?? null) : value.highlight;
            return { markers, highlight, deco: build(state.doc, markers, highlight) };
          },
        },
        props: { decorations: (state) => actionMarkersKey.getState(state)?.deco },
      }),
    ];
  },
});
