import type { Redis } from "ioredis";
import { env } from "../env.ts";

// The Redis connections of this process, kept on globalThis: server.ts opens them (the Redis bridge,
// lib/events/redis-bridge.ts) and Next's bundled route handlers, which load their own copies of our
// modules, use the same ones. This module never loads ioredis itself, so the bundles do not either.

export interface SharedRedis {
  /** For commands (and PUBLISH). */
  command: Redis;
  /** In subscriber mode on the events channel. */
  subscriber: Redis;
  /** What every key and channel starts with (REDIS_PREFIX). */
  prefix: string;
}

const KEY = Symbol.for("samrad.redis");
const holder = globalThis as unknown as Record<symbol, SharedRedis | undefined>;

/** This process's Redis connections, or null when Redis is not in use (no REDIS_URL) or not started yet. */
export function sharedRedis(): SharedRedis | null {
  return holder[KEY] ?? null;
}

export function setSharedRedis(redis: SharedRedis | null): void {
  holder[KEY] = redis ?? undefined;
}

/**
 * For readiness: true when Redis is not configured (there is nothing to wait for); otherwise true
 * only when the subscriber is connected and a PING on the command connection is answered within
 * `timeoutMs`.
 */
export async function redisHealthy(timeoutMs = 500): Promise<boolean> {
  const redis = sharedRedis();
  if (!redis) return !env().REDIS_URL;
  if (redis.subscriber.status !== "ready" || redis.command.status !== "ready") return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = redis.command.ping().then(
    (answer) => answer === "PONG",
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Claims `name` once across every instance for `ttlMs` (SET NX PX): true the first time, false when
 * it was claimed before. Null when Redis is not in use or did not answer; the caller decides then.
 */
export async function claimOnce(name: string, ttlMs: number, timeoutMs = 1000): Promise<boolean | null> {
  const redis = sharedRedis();
  if (!redis || redis.command.status !== "ready") return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const set = redis.command.set(`${redis.prefix}${name}`, "1", "PX", ttlMs, "NX").then(
    (answer) => answer === "OK",
    () => null,
  );
  try {
    return await Promise.race([set, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes Redis connections: QUIT lets Redis answer what is under way; a connection whose Redis does
 * not answer within `waitMs` is simply dropped.
 */
export async function quitOrDrop(connections: readonly Redis[], waitMs = 1000): Promise<void> {
  await Promise.all(
    connections.map(async (connection) => {
      let timer: NodeJS.Timeout | undefined;
      const quit = connection.quit().then(
        () => true,
        () => false,
      );
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
      const quitted = await Promise.race([quit, late]);
      clearTimeout(timer);
      if (!quitted) connection.disconnect();
    }),
  );
}
