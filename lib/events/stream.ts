import { subscribe, type DomainEvent } from "./bus.ts";

// Server-Sent Events for pages that follow the forum without a websocket (the gap view today):
// one subscription to the domain event bus per process fans out to every open stream, so open
// pages never add listeners to the bus itself. With REDIS_URL set, the Redis bridge
// (redis-bridge.ts) carries the domain events of the other instances to this process's hub too.

/** What a page may follow: a topic and which events of the forum belong to it. */
export const EVENT_TOPICS = {
  /** Competence needs, their figures and what covers them. */
  needs: (event: DomainEvent, forumId: string) => event.type === "needs.changed" && event.forumId === forumId,
} as const;

export type EventTopic = keyof typeof EVENT_TOPICS;

/** The topics of `?topics=needs,…`; null when one is unknown or none is given. */
export function parseTopics(raw: string | null): EventTopic[] | null {
  const list = (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || list.length > 8) return null;
  if (!list.every((t): t is EventTopic => Object.hasOwn(EVENT_TOPICS, t))) return null;
  return [...new Set(list)];
}

/** Open streams at most, per process and per user: a stream is a held-open response. */
export const STREAM_LIMITS = { total: 2000, perUser: 10, heartbeatMs: 25_000, retryMs: 3_000 } as const;

interface Client {
  userId: string;
  forumId: string;
  topics: EventTopic[];
  send(topic: EventTopic): void;
  close(): void;
}

const KEY = Symbol.for("samrad.eventStreams");
const holder = globalThis as unknown as Record<symbol, { clients: Set<Client>; unsubscribe: (() => void) | null } | undefined>;

function hub() {
  const h = (holder[KEY] ??= { clients: new Set(), unsubscribe: null });
  h.unsubscribe ??= subscribe((event) => {
    for (const c of [...h.clients]) {
      // A session that ended, a change of who is in the forum, or events possibly missed (the Redis
      // bridge reconnected) close the stream: the browser reconnects and is authorised again (or refused).
      if (event.type === "access.recheckAll" || (event.type === "session.revoked" && event.userId === c.userId) || (event.type === "access.changed" && event.forumId === c.forumId && (!event.userId || event.userId === c.userId))) {
        c.close();
        continue;
      }
      for (const topic of c.topics) if (EVENT_TOPICS[topic](event, c.forumId)) c.send(topic);
    }
  });
  return h;
}

/** How many streams are open now (all, or one user's). */
export function openStreams(userId?: string): number {
  const clients = hub().clients;
  return userId ? [...clients].filter((c) => c.userId === userId).length : clients.size;
}

/**
 * A `text/event-stream` response that sends `event: change` with `{"topic": …}` whenever a followed
 * topic changes in the forum, a comment line as heartbeat, and ends when the request is aborted.
 * Returns null when the limits are reached (the caller answers 503).
 */
export function openEventStream(opts: { userId: string; forumId: string; topics: EventTopic[]; signal: AbortSignal }): Response | null {
  const h = hub();
  if (h.clients.size >= STREAM_LIMITS.total || openStreams(opts.userId) >= STREAM_LIMITS.perUser) return null;
  const encoder = new TextEncoder();
  let client: Client | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => write(": ping\n\n"), STREAM_LIMITS.heartbeatMs);
      heartbeat.unref?.();
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        if (client) h.clients.delete(client);
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          /* already closed by the reader */
        }
      };
      client = { userId: opts.userId, forumId: opts.forumId, topics: opts.topics, send: (topic) => write(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`), close };
      h.clients.add(client);
      opts.signal.addEventListener("abort", close);
      write(`retry: ${STREAM_LIMITS.retryMs}\n: open\n\n`);
    },
    cancel() {
      client?.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: no compression layer may hold the stream back to fill a buffer.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
