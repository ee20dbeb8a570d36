import type { ActionHistoryRow } from "../db/action-history.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { parseStored } from "../audit/view.ts";
import { formatDay } from "../i18n/format.ts";

/** One line of an action's history, in words: who, when, what (never ids or JSON). */
export interface ActionHistoryEntry {
  /** Stable per line (an event can say several things). */
  key: string;
  /** ISO time, for <time dateTime>. */
  at: string;
  text: string;
  /** The conversation the line is about, to link to it. */
  threadId?: string;
}

type Snapshot = Partial<Record<"title" | "description" | "status" | "owner" | "dueDate" | "targetArea", string | null>> & { raci?: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : null);

function snapshot(text: string | null): Snapshot {
  const parsed = parseStored(text);
  if (!parsed.ok || !isRecord(parsed.value)) return {};
  const v = parsed.value;
  return {
    title: str(v.title), description: str(v.description), status: str(v.status), owner: str(v.owner), dueDate: str(v.dueDate), targetArea: str(v.targetArea),
    raci: Array.isArray(v.raci) ? v.raci.filter((x): x is string => typeof x === "string") : undefined,
  };
}

/** "A:Kari Moen" / "R:gruppe Prosjektgruppen" (lib/db/raci.ts) → party → role. */
function raciMap(list: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const x of list) {
    if (typeof x !== "string") continue;
    const at = x.indexOf(":");
    if (at > 0) out.set(x.slice(at + 1), x.slice(0, at));
  }
  return out;
}

const ROLES = new Set(["R", "A", "C", "I"]);

/**
 * Turns an action's audit events into sentences in the reader's language: "Lars Berg satte status
 * til Pågår". Names come from the events themselves (stored as names, or from the actor row), so a
 * line reads the same after people are renamed or leave. Unknown events are left out, not shown raw.
 */
export function presentActionHistory(rows: readonly ActionHistoryRow[], t: Translate, locale: Locale): ActionHistoryEntry[] {
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDay(d, locale) : d);
  const party = (p: string) => (p.startsWith("gruppe ") ? t("actions.groupParty", { name: p.slice("gruppe ".length) }) : p);
  const role = (r: string) => (ROLES.has(r) ? t(`history.roles.${r as "R" | "A" | "C" | "I"}`) : r);
  const status = (s: string) => {
    const known = ["OPEN", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"] as const;
    return (known as readonly string[]).includes(s) ? t(`actionStatus.${s as (typeof known)[number]}`) : s;
  };

  /** The RACI differences as phrases, leaving out the parties `skip` names (told elsewhere). */
  function raciChanges(before: unknown, after: unknown, skip: string | null): string[] {
    const b = raciMap(before);
    const a = raciMap(after);
    const out: string[] = [];
    // The new Accountable first: it is what the change is about.
    for (const [p, r] of [...a].sort(([, x], [, y]) => Number(y === "A") - Number(x === "A"))) {
      if (p === skip || b.get(p) === r) continue;
      out.push(r === "A" && !p.startsWith("gruppe ") ? t("history.raciOwner", { party: party(p) }) : t("history.raciRole", { party: party(p), role: role(r) }));
    }
    for (const p of b.keys()) if (p !== skip && !a.has(p)) out.push(t("history.raciRemoved", { party: party(p) }));
    return out;
  }

  const entries: ActionHistoryEntry[] = [];
  for (const row of rows) {
    const actor = row.actorName ?? t("history.unknownActor");
    const at = row.createdAt.toISOString();
    const push = (suffix: string, text: string, threadId?: string) => entries.push({ key: `${row.id}-${suffix}`, at, text, ...(threadId ? { threadId } : {}) });
    const after = parseStored(row.after);
    const threadId = row.entityType === "CommentThread" ? row.entityId : after.ok && isRecord(after.value) ? (str(after.value.threadId) ?? undefined) : undefined;

    switch (row.action) {
      case "action.create": {
        const s = snapshot(row.after);
        push("c", s.owner ? t("history.createdWithOwner", { actor, owner: s.owner }) : t("history.created", { actor }));
        break;
      }
      case "action.update": {
        const b = snapshot(row.before);
        const a = snapshot(row.after);
        if (a.status !== undefined && b.status !== a.status && a.status) push("status", t("history.status", { actor, status: status(a.status) }));
        if (b.title !== a.title && a.title) push("title", t("history.retitled", { actor, title: a.title }));
        if (b.description !== a.description && a.description !== undefined) push("description", a.description ? t("history.description", { actor }) : t("history.descriptionRemoved", { actor }));
        if (b.owner !== a.owner) push("owner", a.owner ? t("history.owner", { actor, owner: a.owner }) : t("history.ownerRemoved", { actor }));
        if (b.dueDate !== a.dueDate) push("due", a.dueDate ? t("history.due", { actor, date: day(a.dueDate) }) : t("history.dueRemoved", { actor }));
        if (b.targetArea !== a.targetArea) push("area", a.targetArea ? t("history.targetArea", { actor, area: a.targetArea }) : t("history.targetAreaRemoved", { actor }));
        // A new owner is the new A: that is said above; the rest of the matrix's change is said here.
        const changes = raciChanges(b.raci, a.raci, b.owner !== a.owner ? a.owner ?? null : null);
        if (changes.length) push("raci", t("history.raci", { actor, changes: changes.join("; ") }));
        break;
      }
      case "action.raci": {
        const b = parseStored(row.before);
        const changes = raciChanges(b.ok ? b.value : undefined, after.ok ? after.value : undefined, null);
        if (changes.length) push("raci", t("history.raci", { actor, changes: changes.join("; ") }));
        break;
      }
      case "comment.thread": push("t", t("history.commentThread", { actor }), threadId); break;
      case "comment.reply": push("r", t("history.commentReply", { actor }), threadId); break;
      case "comment.edit": push("e", t("history.commentEdit", { actor }), threadId); break;
      case "comment.delete": push("d", t("history.commentDelete", { actor }), threadId); break;
      case "comment.resolve": push("s", t("history.commentResolve", { actor }), threadId); break;
      case "comment.reopen": push("o", t("history.commentReopen", { actor }), threadId); break;
      default: break;
    }
  }
  return entries;
}
