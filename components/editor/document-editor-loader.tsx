"use client";

import dynamic from "next/dynamic";

// The editor runs in the browser only: server rendering would load a second copy of Yjs.
const load = () => import("./document-editor").then((m) => m.DocumentEditor);
// Its code (Tiptap, Yjs) is fetched as soon as this module runs in the browser, while the page
// hydrates, instead of only when the loader first renders (one round trip less before editing).
if (typeof window !== "undefined") void load();
export const DocumentEditorLoader = dynamic(load, { ssr: false });
