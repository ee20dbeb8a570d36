import { hashPassword } from "../auth/password.ts";
import {
  DEMO_FIGURES_NOTE, DEMO_FIGURES_SOURCE, DEMO_PASSWORD, demoActions, demoDocuments, demoForum, demoGroups, demoNeeds, demoRegions, demoTargetAreas, demoUsers,
} from "../../prisma/seed/demo-forum.ts";
import { freezeYState } from "../editor/freeze.ts";
import { excerptOf, jsonToYUpdate } from "../editor/render.ts";
import { DEFAULT_RULE } from "../policies/approval.ts";
import { appendAudit } from "./audit.ts";
import type { Db } from "./client.ts";

/** Fills an empty database with the demo forum. Does nothing when any forum exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.forum.count()) > 0) return false;
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  const day = 24 * 3600 * 1000;
  // Real live content: the paragraphs, as the editor would store them (the title is metadata, not text).
  const states = demoDocuments.map((d) =>
    jsonToYUpdate({
      type: "doc",
      content: [d.excerpt, ...(d.body ?? [])].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    }),
  );
  // Those sent to the steering group have a frozen version (rendering is async: done before the transaction).
  const frozen = await Promise.all(demoDocuments.map((d, i) => (d.approval ? freezeYState(states[i]!) : null)));
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
    const now = Date.now();
    const documentIds = new Map<string, string>();
    for (const [i, d] of demoDocuments.entries()) {
      const paragraphs = [d.excerpt, ...(d.body ?? [])];
      const doc = await tx.document.create({
        data: {
          forumId: forum.id, groupId: groupIds.get(d.group)!, kind: d.kind, status: d.approval === "APPROVED" ? "APPROVED" : d.approval ? "IN_REVIEW" : "DRAFT",
          title: d.title, excerpt: excerptOf(paragraphs.join(" ")), state: Buffer.from(states[i]!),
          createdById: userIds.get(d.author)!,
          targetAreas: { create: d.targetAreas.map((k) => ({ targetAreaId: areaIds.get(k)! })) },
        },
      });
      documentIds.set(d.title, doc.id);
      const f = frozen[i];
      if (!d.approval || !f) continue;
      // One request waiting for the steering group (one vote in), one decided: approved by all three.
      const version = await tx.documentVersion.create({
        data: { documentId: doc.id, number: 1, kind: "SUBMISSION", state: Buffer.from(f.state), sha256: f.sha256, html: f.html, text: f.text, createdById: userIds.get(d.author)! },
      });
      const decided = d.approval === "APPROVED";
      const request = await tx.approvalRequest.create({
        data: {
          documentId: doc.id, versionId: version.id, requestedById: userIds.get(d.author)!, rule: JSON.stringify(DEFAULT_RULE),
          coverNote: decided ? "Klar for vedtak etter høring i gruppen." : "Vi ber om vedtak før budsjettarbeidet starter.",
          wishedDecisionDate: new Date(now + (decided ? -20 : 10) * day),
          status: decided ? "APPROVED" : "OPEN",
          outcomeStatement: decided ? "Styringsgruppen slutter seg til anbefalingen og ber NAV og kommunene starte opp til høsten." : "",
          decidedAt: decided ? new Date(now - 14 * day) : null,
          decidedById: decided ? userIds.get("styring1@samrad.example")! : null,
        },
      });
      const voters = decided ? ["styring1@samrad.example", "styring2@samrad.example", "styring3@samrad.example"] : ["styring2@samrad.example"];
      for (const email of voters) {
        await tx.vote.create({ data: { approvalRequestId: request.id, userId: userIds.get(email)!, choice: "APPROVE", reason: "" } });
      }
      if (decided) await tx.document.update({ where: { id: doc.id }, data: { approvedVersionId: version.id } });
    }
    const actionIds = new Map<string, string>();
    for (const a of demoActions) {
      const ownerId = a.owner ? userIds.get(a.owner)! : null;
      const item = await tx.actionItem.create({
        data: {
          forumId: forum.id, groupId: groupIds.get(a.group)!, title: a.title, description: a.description, status: a.status,
          ownerId, dueDate: a.dueInDays === null ? null : new Date(now + a.dueInDays * day),
          targetAreaId: a.targetArea ? areaIds.get(a.targetArea)! : null,
          createdById: userIds.get("prosjektleder@samrad.example")!,
          closedAt: a.status === "DONE" ? new Date(now) : null,
          responsibilities: ownerId ? { create: [{ role: "A", userId: ownerId }] } : undefined,
        },
      });
      actionIds.set(a.title, item.id);
    }
    // The county, its municipalities, and example needs (one per period), linked to what answers them.
    const regionIds = new Map<string, string>();
    for (const [i, r] of demoRegions.entries()) {
      const row = await tx.region.create({ data: { forumId: forum.id, name: r.name, kind: r.kind, code: r.code, sortOrder: i } });
      regionIds.set(r.name, row.id);
    }
    const leader = userIds.get("prosjektleder@samrad.example")!;
    for (const n of demoNeeds) {
      for (const [period, demand, supply] of n.figures) {
        const need = await tx.need.create({
          data: {
            forumId: forum.id, groupId: groupIds.get(n.group)!, targetAreaId: areaIds.get(n.targetArea)!, title: n.title, field: n.field,
            styrk: n.styrk ?? null, regionId: n.region ? regionIds.get(n.region)! : null, period, demand, supply, unit: n.unit,
            sourceName: DEMO_FIGURES_SOURCE, confidence: n.confidence, notes: DEMO_FIGURES_NOTE, createdById: leader,
          },
        });
        // What answers a need answers it in its newest period.
        if (period !== n.figures.at(-1)![0]) continue;
        for (const title of n.answeredBy ?? []) {
          const target = documentIds.has(title) ? { documentId: documentIds.get(title)! } : { actionItemId: actionIds.get(title)! };
          await tx.needLink.create({ data: { needId: need.id, createdById: leader, ...target } });
        }
      }
    }
    await appendAudit(tx, {
      forumId: forum.id, actorId: null, action: "seed.demo", entityType: "Forum", entityId: forum.id,
      after: { name: forum.name, users: demoUsers.length, groups: demoGroups.length },
    });
  });
  return true;
}
