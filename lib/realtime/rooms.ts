// Room names, built and parsed in one place: document.<documentId>, board.<groupId>.

export type RoomRef = { kind: "document"; id: string } | { kind: "board"; id: string };

const ID = /^[a-z0-9]{8,40}$/i;

export function documentRoom(documentId: string): string {
  return `document.${documentId}`;
}

export function boardRoom(groupId: string): string {
  return `board.${groupId}`;
}

/** Parses a room name; null for anything that is not exactly one of ours. */
export function parseRoom(name: string): RoomRef | null {
  const dot = name.indexOf(".");
  if (dot < 0) return null;
  const kind = name.slice(0, dot);
  const id = name.slice(dot + 1);
  if (!ID.test(id)) return null;
  if (kind === "document" || kind === "board") return { kind, id };
  return null;
}

/** Path prefix of websocket upgrades. */
export const COLLAB_PATH = "/collab/";
