import { Redis } from "ioredis";
import { deliver, setForwarder, type DomainEvent } from "./bus.ts";
import { decodeEventMessage, encodeEventMessage } from "./wire.ts";
import { quitOrDrop, setSharedRedis } from "../redis/shared.ts";

export { redisHealthy } from "../redis/shared.ts";

// The Redis event bus (issue #16, docs/scale-out.md): every event published in this process is
// also PUBLISHed on `<prefix>events` as `{from, event}`; events of the other instances arrive on a
// second connection (pub/sub needs one of its own) and are delivered locally, never forwarded
// again, and our own are ignored by `from`. Pub/sub keeps nothing for a disconnected subscriber, so
// after every (re)subscription this instance rechecks all of its sockets (`access.recheckAll`).

/** The largest Yjs update forwarded with `document.appended` (a restored version of a very large document is not). */
export const MAX_FORWARDED_UPDATE_BYTES = 8 * 1024 * 1024;

export interface RedisBridgeOptions {
  url: string;
  /** REDIS_PREFIX: the channel is `<prefix>events`. */
  prefix: string;
  /** INSTANCE_ID: this instance's name on the wire. */
  instanceId: string;
  log?: (message: string, error?: unknown) => void;
}

export interface RedisBridge {
  /** Resolves once the subscriber is subscribed for the first time. */
  ready: Promise<void>;
  /** Stops forwarding and closes both connections. */
  close(): Promise<void>;
}

/** Logs at most one line per `everyMs` for a kind of trouble, with how many were left unsaid. */
export function throttled(log: (message: string, error?: unknown) => void, everyMs = 60_000) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (kind: string, message: string, error?: unknown) => {
    const now = Date.now();
    const seen = last.get(kind);
    if (seen && now - seen.at < everyMs) {
      seen.suppressed += 1;
      return;
    }
    const more = seen?.suppressed ? ` (and ${seen.suppressed} more since the last report)` : "";
    last.set(kind, { at: now, suppressed: 0 });
    log(message + more, error);
  };
}

export function startRedisBridge(options: RedisBridgeOptions): RedisBridge {
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[redis] ${message}`, error ?? ""));
  const report = throttled(log);
  const channel = `${options.prefix}events`;
  const connectionOptions = {
    // Our own subscription after every connect, so that the recheck follows a confirmed SUBSCRIBE.
    autoResubscribe: false,
    // Reconnect quickly and keep trying; a command waits at most this long for a connection.
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, 2000),
    // Commands (PUBLISH) wait through about half a minute of reconnecting before they fail.
    maxRetriesPerRequest: 20,
    connectionName: `samrad:${options.instanceId}`,
  };
  const command = new Redis(options.url, { ...connectionOptions, connectionName: `${connectionOptions.connectionName}:command` });
  const subscriber = new Redis(options.url, { ...connectionOptions, connectionName: `${connectionOptions.connectionName}:events` });
  let closing = false;

  for (const [name, connection] of [["command", command], ["subscriber", subscriber]] as const) {
    connection.on("error", (error: unknown) => report(`${name}-error`, `Redis ${name} connection: ${error instanceof Error ? error.message : String(error)}`));
  }

  let subscribedOnce: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (subscribedOnce = resolve));
  let connects = 0;
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(
      () => {
        connects += 1;
        if (connects > 1) log(`Redis events: subscribed again (connection ${connects}); rechecking every socket for what may have been missed`);
        subscribedOnce();
        // Also at the first connect: events published before it reached nobody here.
        deliver({ type: "access.recheckAll" });
      },
      (error: unknown) => {
        // The connection dropped again before the subscription; the next "ready" tries anew.
        if (!closing) report("subscribe", "Redis events: subscribing failed", error);
      },
    );
  });

  subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    const message = decodeEventMessage(raw);
    if (!message.ok) {
      report("malformed", `Redis events: dropped a malformed message (${message.reason.slice(0, 300)})`);
      return;
    }
    if (message.from === options.instanceId) return;
    try {
      deliver(message.event);
    } catch (error) {
      report("deliver", `Redis events: a subscriber failed on ${message.event.type}`, error);
    }
  });

  // Events of ours that never reached Redis: once it answers again, every instance rechecks its sockets.
  let lost = false;
  const send = (event: DomainEvent) => {
    let payload: string;
    try {
      payload = encodeEventMessage(options.instanceId, event);
    } catch (error) {
      report("encode", `Redis events: could not encode ${event.type}`, error);
      return;
    }
    command.publish(channel, payload).catch((error: unknown) => {
      lost = true;
      report("publish", `Redis events: publishing ${event.type} failed; the other instances recheck their sockets when Redis answers again`, error);
    });
  };
  command.on("ready", () => {
    if (!lost) return;
    lost = false;
    send({ type: "access.recheckAll" });
  });

  setForwarder((event) => {
    // A local recheck is of this instance's sockets only.
    if (event.type === "access.recheckAll") return;
    // Pub/sub is for small messages: Redis disconnects a subscriber whose output buffer outgrows its
    // limit (32 MB by default), which would cost every instance the events behind it.
    if (event.type === "document.appended" && event.update.byteLength > MAX_FORWARDED_UPDATE_BYTES) {
      report("too-large", `Redis events: document.appended of ${event.update.byteLength} bytes is not forwarded (limit ${MAX_FORWARDED_UPDATE_BYTES}); rooms of the document open on other instances miss it until they load it again`);
      return;
    }
    send(event);
  });
  setSharedRedis({ command, subscriber, prefix: options.prefix });

  return {
    ready,
    async close() {
      if (closing) return;
      closing = true;
      setForwarder(null);
      setSharedRedis(null);
      subscriber.removeAllListeners("ready");
      await quitOrDrop([command, subscriber]);
    },
  };
}
