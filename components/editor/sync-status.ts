import * as Y from "yjs";

export type SyncStatus = "connecting" | "saving" | "saved" | "offline" | "readOnly";

/** Whether every clock in `local` is covered by `saved`: all this client holds is stored on the server. */
export function isCovered(saved: Map<number, number>, local: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((saved.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * The honest status line: offline, still syncing, read-only (nothing of ours is sent, so nothing
 * is "saving"), saving, or everything stored.
 */
export function syncStatus(opts: { connected: boolean; synced: boolean; readOnly?: boolean; saved: Map<number, number>; doc: Y.Doc }): SyncStatus {
  if (!opts.connected) return "offline";
  if (!opts.synced) return "connecting";
  if (opts.readOnly) return "readOnly";
  return isCovered(opts.saved, Y.decodeStateVector(Y.encodeStateVector(opts.doc))) ? "saved" : "saving";
}

/** Whether the doc holds changes the server has not acknowledged as saved. */
export function hasUnsaved(saved: Map<number, number>, doc: Y.Doc): boolean {
  return !isCovered(saved, Y.decodeStateVector(Y.encodeStateVector(doc)));
}

const CARET_COLOURS = ["#0b5a6b", "#7a3e9d", "#2b6a2f", "#a4161a", "#8a4b00", "#1f4e9e", "#6b3a1f", "#005f5f"];

/** A stable colour per user, dark enough for white label text (WCAG AA). */
export function colourFor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[h % CARET_COLOURS.length]!;
}
