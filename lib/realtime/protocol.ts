import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

// The stock y-websocket message types, plus one addition of ours. Stock clients have no handler
// for it and skip it; our editor registers one.
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** Samråd's own messages: what the server has stored durably, and what the connection may do. */
export const MESSAGE_SAMRAD = 100;

const SAMRAD_SAVED = 0;
const SAMRAD_ACCESS = 1;
const SAMRAD_THREADS = 2;

export type AccessMode = "read" | "write";

export type SamradMessage = { kind: "saved"; stateVector: Uint8Array } | { kind: "access"; mode: AccessMode } | { kind: "threads" };

/** "Everything up to this state vector is stored in the database." */
export function encodeSaved(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SAMRAD);
  encoding.writeVarUint(e, SAMRAD_SAVED);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** "This connection may read / write." */
export function encodeAccess(mode: AccessMode): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SAMRAD);
  encoding.writeVarUint(e, SAMRAD_ACCESS);
  encoding.writeVarString(e, mode);
  return encoding.toUint8Array(e);
}

/** "The document's comment threads changed": the editor fetches them again. */
export function encodeThreadsChanged(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SAMRAD);
  encoding.writeVarUint(e, SAMRAD_THREADS);
  return encoding.toUint8Array(e);
}

/** Reads the body of a MESSAGE_SAMRAD message (after its type). */
export function readSamradMessage(decoder: decoding.Decoder): SamradMessage | null {
  const sub = decoding.readVarUint(decoder);
  if (sub === SAMRAD_SAVED) return { kind: "saved", stateVector: decoding.readVarUint8Array(decoder) };
  if (sub === SAMRAD_ACCESS) {
    const mode = decoding.readVarString(decoder);
    return mode === "read" || mode === "write" ? { kind: "access", mode } : null;
  }
  if (sub === SAMRAD_THREADS) return { kind: "threads" };
  return null;
}

/** Close codes shared by server and client (mirroring HTTP statuses, see lib/services/errors.ts). */
export const CLOSE = {
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  malformed: 4400,
  tooLarge: 4413,
  /** For good: the session ended (password changed or reset, signed out, account disabled); sign in again. */
  sessionEnded: 4402,
  /** For good: the session runs on a one-time password; choose your own password first. */
  passwordChangeRequired: 4428,
  /** Transient: the connection's rights changed; reconnect to get the new ones. */
  accessChanged: 4000,
  /**
   * Transient: this instance is shutting down (drain on SIGTERM), its rooms are stored; reconnect, to
   * another instance behind the load balancer. 1012 "Service Restart" (RFC 6455 registry), which stock
   * y-websocket clients treat like any close: they reconnect with backoff.
   */
  serviceRestart: 1012,
} as const;
