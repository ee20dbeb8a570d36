import type { VersionKind } from "../db/versions.ts";

interface VersionMeta {
  id: string;
  documentId: string;
  number: number;
  name: string;
  kind: string;
  sha256: string;
  createdAt: Date | string;
  createdBy: { id: string; name: string };
}

export interface VersionView {
  id: string;
  documentId: string;
  number: number;
  name: string;
  kind: VersionKind;
  sha256: string;
  /** The first 12 hex digits of the SHA-256, for lists (the whole hash is in `sha256`). */
  shortHash: string;
  createdAt: string;
  /** Who saved it; null for the server's automatic versions. */
  createdBy: { id: string; name: string } | null;
}

const KINDS: readonly VersionKind[] = ["MANUAL", "AUTO", "SUBMISSION", "RESTORE"];
const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/** A version's metadata as the API and the history panel show it (everyone who reads the document reads its versions). */
export function presentVersion(v: VersionMeta): VersionView {
  const kind = (KINDS as readonly string[]).includes(v.kind) ? (v.kind as VersionKind) : "MANUAL";
  return {
    id: v.id, documentId: v.documentId, number: v.number, name: v.name, kind, sha256: v.sha256, shortHash: v.sha256.slice(0, 12),
    createdAt: iso(v.createdAt), createdBy: kind === "AUTO" ? null : v.createdBy,
  };
}
