"use client";

import dynamic from "next/dynamic";

// The editor runs in the browser only: server rendering would load a second copy of Yjs.
export const DocumentEditorLoader = dynamic(() => import("./document-editor").then((m) => m.DocumentEditor), { ssr: false });
