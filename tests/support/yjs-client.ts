import type * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_SAMRAD, readSamradMessage } from "../../lib/realtime/protocol.ts";

/** A `ws` WebSocket class that sends fixed headers (cookie, Origin), as a browser would. */
export function websocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  destroy(): void;
}

/** A stock y-websocket client in Node, connected to /collab/<room> on the server under test. */
export function yClient(baseUrl: string, room: string, opts: { cookie?: string; origin?: string | null; connect?: boolean } = {}): YClient {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? baseUrl;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + "/collab", room, doc, {
    WebSocketPolyfill: websocketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
  });
  const closeCodes: number[] = [];
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out after ${ms} ms waiting for: ${what}`);
}

export const textOf = (doc: Y.Doc) => doc.getText("t").toString();

/**
 * Listens for our protocol additions on a stock provider: the server's "saved up to here" messages,
 * and how many "the comment threads changed" messages arrived.
 */
export function trackSaved(client: YClient): { latest: () => Map<number, number>; threadNotices: () => number } {
  let latest = new Map<number, number>();
  let threadNotices = 0;
  const handlers = client.provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
  handlers[MESSAGE_SAMRAD] = (_encoder, decoder) => {
    const message = readSamradMessage(decoder);
    if (message?.kind === "saved") latest = Y.decodeStateVector(message.stateVector);
    if (message?.kind === "threads") threadNotices += 1;
  };
  return { latest: () => latest, threadNotices: () => threadNotices };
}

/** Whether state vector `a` covers every clock in `b`. */
export function covers(a: Map<number, number>, b: Map<number, number>): boolean {
  for (const [client, clock] of b) if ((a.get(client) ?? 0) < clock) return false;
  return true;
}

/** A small seeded PRNG (mulberry32), so a failing random run can be replayed. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]! };
}
