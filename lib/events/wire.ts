import { z } from "zod";
import type { DomainEvent } from "./bus.ts";

// Domain events on the wire between instances (the Redis channel `<prefix>events`): JSON
// `{from, event}`, where `from` is the sending instance and a `document.appended` update travels as
// base64. Everything that arrives is validated; what does not fit is dropped by the caller.

const id = z.string().min(1).max(200);
const base64 = z
  .string()
  .max(64 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, "not base64")
  .refine((s) => s.length % 4 === 0, "not base64");

const wireEvent = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("board.changed"), groupId: id }),
  z.strictObject({ type: z.literal("access.changed"), forumId: id, userId: id.optional() }),
  z.strictObject({ type: z.literal("document.appended"), documentId: id, update: base64, updateId: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal("session.revoked"), userId: id }),
  z.strictObject({ type: z.literal("threads.changed"), documentId: id.nullable(), actionItemId: id.nullable(), groupId: id }),
  z.strictObject({ type: z.literal("needs.changed"), forumId: id }),
  z.strictObject({ type: z.literal("mail.queued") }),
  z.strictObject({ type: z.literal("access.recheckAll") }),
]);

const wireMessage = z.strictObject({ from: z.string().min(1).max(64), event: wireEvent });

type WireEvent = z.infer<typeof wireEvent>;

/** The JSON an instance publishes for one of its events. */
export function encodeEventMessage(from: string, event: DomainEvent): string {
  const wire: WireEvent = event.type === "document.appended" ? { ...event, update: Buffer.from(event.update).toString("base64") } : event;
  return JSON.stringify({ from, event: wire });
}

/** A message from the channel, or the reason it is not one. */
export function decodeEventMessage(raw: string): { ok: true; from: string; event: DomainEvent } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = wireMessage.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join(".") || "message"}: ${i.message}`).join("; ") };
  const { from, event } = parsed.data;
  if (event.type === "document.appended") {
    return { ok: true, from, event: { ...event, update: new Uint8Array(Buffer.from(event.update, "base64")) } };
  }
  return { ok: true, from, event };
}
