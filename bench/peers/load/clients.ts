// Stock clients for each protocol, as a person's browser would use them.
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type { Protocol } from "./frames.ts";
import type { Protocol } from "./frames.ts";

export interface BenchClient {
  doc: Y.Doc;
  synced: Promise<void>;
  setCursor(n: number): void;
  destroy(): void;
}

/** Samråd's "saved up to here" message (type 100, sub-type 0): the stored state vector. */
const MESSAGE_SAMRAD = 100;

export function connect(protocol: Protocol, url: string, room: string, headers: Record<string, string>, onSaved?: (sv: Map<number, number>) => void): BenchClient {
  const doc = new Y.Doc();
  if (protocol === "hocuspocus") {
    let resolve!: () => void;
    const synced = new Promise<void>((r) => (resolve = r));
    const provider = new HocuspocusProvider({ url, name: room, document: doc, WebSocketPolyfill: WebSocket, onSynced: () => resolve() } as never);
    return {
      doc,
      synced,
      setCursor: (n) => provider.setAwarenessField("cursor", { anchor: n }),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  const Ws = class extends WebSocket {
    constructor(u: string | URL, p?: string | string[]) {
      super(u, p, { headers });
    }
  };
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: Ws as never, disableBc: true, maxBackoffTime: 1000 });
  const handlers = provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
  handlers[MESSAGE_SAMRAD] = (_e, d) => {
    if (decoding.readVarUint(d) === 0 && onSaved) onSaved(Y.decodeStateVector(decoding.readVarUint8Array(d)));
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (s: boolean) => s && resolve());
  });
  return {
    doc,
    synced,
    setCursor: (n) => provider.awareness.setLocalStateField("cursor", { anchor: n }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
