import { hashPassword } from "../auth/password.ts";
import {
  DEMO_PASSWORD, demoActions, demoDocuments, demoForum, demoGroups, demoTargetAreas, demoUsers,
} from "../../prisma/seed/demo-forum.ts";
import { excerptOf, jsonToYUpdate } from "../editor/render.ts";
import { appendAudit } from "./audit.ts";
import type { Db } from "./client.ts";

/** Fills an empty database with the demo forum. Does nothing when any forum exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.forum.count()) > 0) return false;
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  const day = 24 * 3600 * 1000;
  await db.$transaction(async (tx) => {
    const forum = await tx.forum.create({ data: demoForum });
    const areaIds = new Map<string, string>();
    for (const [i, a] of demoTargetAreas.entries()) {
      const row = await tx.targetArea.create({
        data: { forumId: forum.id, name: a.name, description: a.description, period: "2025–2026", sortOrder: (i + 1) * 10 },
      });
      areaIds.set(a.key, row.id);
    }
    const groupIds = new Map<string, string>();
    for (const [i, g] of demoGroups.entries()) {
      const row = await tx.group.create({ data: { forumId: forum.id, kind: g.kind, name: g.name, mandate: g.mandate, sortOrder: (i + 1) * 10 } });
      groupIds.set(g.key, row.id);
    }
    const userIds = new Map<string, string>();
    for (const [i, u] of demoUsers.entries()) {
      const row = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash: hashes[i]! } });
      userIds.set(u.email, row.id);
      await tx.forumMember.create({ data: { forumId: forum.id, userId: row.id, role: u.forumRole } });
      for (const m of u.groups) {
        await tx.membership.create({ data: { groupId: groupIds.get(m.key)!, userId: row.id, role: m.role } });
      }
    }
    for (const d of demoDocuments) {
      // Real live content: the title as a heading, then the paragraphs, as the editor would store them.
      const paragraphs = [d.excerpt, ...(d.body ?? [])];
      const state = jsonToYUpdate({
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: d.title }] },
          ...paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
        ],
      });
      await tx.document.create({
        data: {
          forumId: forum.id, groupId: groupIds.get(d.group)!, kind: d.kind, status: d.status, title: d.title,
          excerpt: excerptOf(paragraphs.join(" ")), state: Buffer.from(state),
          createdById: userIds.get(d.author)!,
          targetAreas: { create: d.targetAreas.map((k) => ({ targetAreaId: areaIds.get(k)! })) },
        },
      });
    }
    const now = Date.now();
    for (const a of demoActions) {
      const ownerId = a.owner ? userIds.get(a.owner)! : null;
      await tx.actionItem.create({
        data: {
          forumId: forum.id, groupId: groupIds.get(a.group)!, title: a.title, description: a.description, status: a.status,
          ownerId, dueDate: a.dueInDays === null ? null : new Date(now + a.dueInDays * day),
          targetAreaId: a.targetArea ? areaIds.get(a.targetArea)! : null,
          createdById: userIds.get("prosjektleder@samrad.example")!,
          closedAt: a.status === "DONE" ? new Date(now) : null,
          responsibilities: ownerId ? { create: [{ role: "A", userId: ownerId }] } : undefined,
        },
      });
    }
    await appendAudit(tx, {
      forumId: forum.id, actorId: null, action: "seed.demo", entityType: "Forum", entityId: forum.id,
      after: { name: forum.name, users: demoUsers.length, groups: demoGroups.length },
    });
  });
  return true;
}
