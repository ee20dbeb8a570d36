import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimOnce, redisHealthy } from "../redis/shared.ts";
import { publish, subscribe, type DomainEvent } from "./bus.ts";
import { MAX_FORWARDED_UPDATE_BYTES, startRedisBridge, type RedisBridge } from "./redis-bridge.ts";
import { decodeEventMessage, encodeEventMessage } from "./wire.ts";

// Against the real Redis (127.0.0.1:6379), under a prefix of its own so parallel runs never meet.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `samrad-unit-${randomBytes(6).toString("hex")}:`;
const channel = `${prefix}events`;

/** One event of every kind, with a binary update that is not valid UTF-8. */
const EVERY_EVENT: DomainEvent[] = [
  { type: "board.changed", groupId: "g1" },
  { type: "access.changed", forumId: "f1" },
  { type: "access.changed", forumId: "f1", userId: "u1" },
  { type: "document.appended", documentId: "d1", update: new Uint8Array([0, 1, 2, 250, 251, 255, 128, 0]), updateId: 42 },
  { type: "document.appended", documentId: "d2", update: new Uint8Array(), updateId: 0 },
  { type: "session.revoked", userId: "u2" },
  { type: "threads.changed", documentId: "d1", actionItemId: null, groupId: "g1" },
  { type: "threads.changed", documentId: null, actionItemId: "a1", groupId: "g2" },
  { type: "needs.changed", forumId: "f2" },
  { type: "mail.queued" },
];

let bridge: RedisBridge;
let raw: Redis;
let listener: Redis;
const delivered: DomainEvent[] = [];
const onWire: string[] = [];
let stopCollecting: () => void;

beforeAll(async () => {
  stopCollecting = subscribe((event) => delivered.push(event));
  raw = new Redis(REDIS_URL);
  listener = new Redis(REDIS_URL);
  await listener.subscribe(channel);
  listener.on("message", (_channel: string, message: string) => onWire.push(message));
  bridge = startRedisBridge({ url: REDIS_URL, prefix, instanceId: "unit-a", log: () => undefined });
  await bridge.ready;
});

afterAll(async () => {
  stopCollecting();
  await bridge.close();
  await Promise.all([raw.quit(), listener.quit()]);
});

/** Waits (without a clock in the assertion) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never happened: ${what}`);
}

describe("wire format", () => {
  it("round-trips every kind of event, the binary update byte for byte", () => {
    for (const event of EVERY_EVENT) {
      const decoded = decodeEventMessage(encodeEventMessage("x", event));
      expect(decoded).toEqual({ ok: true, from: "x", event });
      if (decoded.ok && decoded.event.type === "document.appended") expect(decoded.event.update).toBeInstanceOf(Uint8Array);
    }
  });

  it("refuses what is not a message of ours", () => {
    for (const bad of [
      "",
      "not json",
      "null",
      "[]",
      JSON.stringify({ from: "x" }),
      JSON.stringify({ event: { type: "mail.queued" } }),
      JSON.stringify({ from: "", event: { type: "mail.queued" } }),
      JSON.stringify({ from: "x", event: { type: "no.such.event" } }),
      JSON.stringify({ from: "x", event: { type: "board.changed" } }),
      JSON.stringify({ from: "x", event: { type: "board.changed", groupId: 7 } }),
      JSON.stringify({ from: "x", event: { type: "board.changed", groupId: "g", extra: 1 } }),
      JSON.stringify({ from: "x", event: { type: "document.appended", documentId: "d", update: "%%%", updateId: 1 } }),
      JSON.stringify({ from: "x", event: { type: "document.appended", documentId: "d", update: "AAA", updateId: 1 } }),
      JSON.stringify({ from: "x", event: { type: "document.appended", documentId: "d", update: "AAAA", updateId: -1 } }),
      JSON.stringify({ from: "x", event: { type: "threads.changed", documentId: "d", groupId: "g" } }),
    ]) {
      expect(decodeEventMessage(bad).ok, bad).toBe(false);
    }
  });
});

describe("the bridge, on real Redis", () => {
  it("rechecked every socket once it was subscribed", () => {
    expect(delivered.filter((e) => e.type === "access.recheckAll")).toHaveLength(1);
  });

  it("publishes every local event on the channel, from this instance", async () => {
    onWire.length = 0;
    for (const event of EVERY_EVENT) publish(event);
    await until(() => onWire.length >= EVERY_EVENT.length, "all on the wire");
    expect(onWire.map((m) => decodeEventMessage(m))).toEqual(EVERY_EVENT.map((event) => ({ ok: true, from: "unit-a", event })));
  });

  it("delivers every event of another instance locally, and never publishes it again", async () => {
    delivered.length = 0;
    onWire.length = 0;
    for (const event of EVERY_EVENT) await raw.publish(channel, encodeEventMessage("unit-b", event));
    await until(() => delivered.length >= EVERY_EVENT.length, "all delivered");
    expect(delivered).toEqual(EVERY_EVENT);
    // Redis keeps the order of one connection's messages: once the marker is seen, an echo would have been too.
    await raw.publish(channel, "marker");
    await until(() => onWire.includes("marker"), "marker");
    expect(onWire.filter((m) => m !== "marker").map((m) => decodeEventMessage(m))).toEqual(EVERY_EVENT.map((event) => ({ ok: true, from: "unit-b", event })));
  });

  it("ignores its own messages and drops malformed ones; later events still arrive", async () => {
    delivered.length = 0;
    await raw.publish(channel, encodeEventMessage("unit-a", { type: "board.changed", groupId: "own" }));
    for (const bad of ["{", JSON.stringify({ from: "unit-b", event: { type: "board.changed", groupId: ["x"] } }), JSON.stringify({ from: "unit-b", event: { type: "drop.tables" } })]) {
      await raw.publish(channel, bad);
    }
    await raw.publish(`${prefix}other-channel`, encodeEventMessage("unit-b", { type: "board.changed", groupId: "elsewhere" }));
    await raw.publish(channel, encodeEventMessage("unit-b", { type: "board.changed", groupId: "after" }));
    await until(() => delivered.length > 0, "the valid event");
    expect(delivered).toEqual([{ type: "board.changed", groupId: "after" }]);
  });

  it("does not forward an update too large for pub/sub; what follows still goes out", async () => {
    onWire.length = 0;
    publish({ type: "document.appended", documentId: "big", update: new Uint8Array(MAX_FORWARDED_UPDATE_BYTES + 1), updateId: 1 });
    publish({ type: "document.appended", documentId: "fits", update: new Uint8Array(1024), updateId: 2 });
    await until(() => onWire.length > 0, "the update that fits");
    expect(onWire.map((m) => decodeEventMessage(m)).map((m) => m.ok && m.event.type === "document.appended" && m.event.documentId)).toEqual(["fits"]);
  });

  it("answers the health check, and claims a name once across connections (SET NX PX)", async () => {
    expect(await redisHealthy()).toBe(true);
    const name = `jti:${randomBytes(8).toString("hex")}`;
    expect(await claimOnce(name, 60_000)).toBe(true);
    expect(await claimOnce(name, 60_000)).toBe(false);
    const ttl = await raw.pttl(`${prefix}${name}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await raw.del(`${prefix}${name}`);
  });

  it("resubscribes after its subscriber connection is killed, rechecks every socket, and events flow again", async () => {
    delivered.length = 0;
    const clients = await raw.client("LIST");
    const ours = String(clients)
      .split("\n")
      .filter((line) => line.includes("name=samrad:unit-a:events"))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1]);
    expect(ours).toHaveLength(1);
    await raw.client("KILL", "ID", ours[0]!);
    await until(() => delivered.some((e) => e.type === "access.recheckAll"), "recheck after the reconnect");
    await raw.publish(channel, encodeEventMessage("unit-b", { type: "needs.changed", forumId: "again" }));
    await until(() => delivered.some((e) => e.type === "needs.changed"), "an event after the reconnect");
    expect(delivered).toEqual([{ type: "access.recheckAll" }, { type: "needs.changed", forumId: "again" }]);
  });

  it("after close, publishes nothing and has no shared connection", async () => {
    await bridge.close();
    onWire.length = 0;
    publish({ type: "mail.queued" });
    await raw.publish(channel, "marker");
    await until(() => onWire.includes("marker"), "marker");
    expect(onWire).toEqual(["marker"]);
    expect(await claimOnce("jti:after-close", 1000)).toBeNull();
  });
});
