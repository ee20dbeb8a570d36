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

export const actionMarkersKey = new PluginKey<{ markers: Map<string, Marker[]>; deco: DecorationSet }>("actionMarkers");

function build(doc: PMNode, markers: Map<string, Marker[]>): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const id = node.attrs.id as string | undefined;
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
          init: () => ({ markers: new Map<string, Marker[]>(), deco: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const next = tr.getMeta(actionMarkersKey) as Map<string, Marker[]> | undefined;
            if (!next && !tr.docChanged) return value;
            const markers = next ?? value.markers;
            return { markers, deco: build(state.doc, markers) };
          },
        },
        props: { decorations: (state) => actionMarkersKey.getState(state)?.deco },
      }),
    ];
  },
});
