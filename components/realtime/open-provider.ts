"use client";

import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { MESSAGE_AUTH, MESSAGE_SAMRAD, readSamradMessage, type SamradMessage } from "@/lib/realtime/protocol";
import { COLLAB_PATH } from "@/lib/realtime/rooms";

/**
 * Opens a stock y-websocket provider on one of our rooms (same origin, so the session cookie
 * authenticates it) with a handler for Samråd's protocol addition: "saved up to here" and "this
 * connection may read / write". Without a handler the provider would log an unknown message type.
 * The stock "permission denied" (y-protocols/auth) is handed to `onPermissionDenied` instead of
 * the provider's console warning.
 */
export function openRoomProvider(
  room: string,
  doc: Y.Doc,
  onSamrad?: (message: SamradMessage) => void,
  onPermissionDenied?: (reason: string) => void,
): WebsocketProvider {
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${COLLAB_PATH.slice(0, -1)}`;
  const provider = new WebsocketProvider(url, room, doc, { maxBackoffTime: 10_000 });
  (provider.messageHandlers as unknown as Array<(encoder: unknown, decoder: decoding.Decoder) => void>)[MESSAGE_SAMRAD] = (_encoder, decoder) => {
    const message = readSamradMessage(decoder);
    if (message && onSamrad) onSamrad(message);
  };
  if (onPermissionDenied) {
    (provider.messageHandlers as unknown as Array<(encoder: unknown, decoder: decoding.Decoder) => void>)[MESSAGE_AUTH] = (_encoder, decoder) => {
      // y-protocols/auth: 0 = permission denied, followed by the reason.
      if (decoding.readVarUint(decoder) === 0) onPermissionDenied(decoding.readVarString(decoder));
    };
  }
  return provider;
}
