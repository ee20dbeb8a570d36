// Turns stored audit rows into words for the event log page: whatever a row holds, it is shown.
import type { MessageKey } from "../i18n/index.ts";
import type { Messages } from "../../messages/nb.ts";

type ActionKey = keyof Messages["audit"]["actions"];
type FieldKey = keyof Messages["audit"]["fields"];

/** Action codes ("document.create") to message keys (message keys cannot contain dots). */
const ACTIONS: Record<string, ActionKey> = {
  "document.raci": "documentRaci", "document.create": "documentCreate", "document.update": "documentUpdate",
  "document.version": "documentVersion", "document.image": "documentImage", "document.restore": "documentRestore", "document.follow": "documentFollow",
  "action.create": "actionCreate", "action.update": "actionUpdate", "action.raci": "actionRaci",
  "group.create": "groupCreate", "group.update": "groupUpdate",
  "membership.add": "membershipAdd", "membership.role": "membershipRole", "membership.remove": "membershipRemove",
  "targetArea.create": "targetAreaCreate", "targetArea.update": "targetAreaUpdate",
  "user.create": "userCreate", "user.password.reset": "userPasswordReset",
  "forum.role": "forumRole", "forum.settings": "forumSettings",
  "account.update": "accountUpdate", "account.password.change": "accountPasswordChange",
  "auth.signin": "authSignin", "auth.signin.failed": "authSigninFailed", "notifications.read": "notificationsRead",
  "approval.submit": "approvalSubmit", "approval.vote": "approvalVote", "approval.vote.change": "approvalVoteChange",
  "approval.close": "approvalClose", "seed.demo": "seedDemo",
  "comment.thread": "commentThread", "comment.reply": "commentReply", "comment.edit": "commentEdit",
  "comment.delete": "commentDelete", "comment.resolve": "commentResolve", "comment.reopen": "commentReopen",
  "need.create": "needCreate", "need.update": "needUpdate", "need.archive": "needArchive", "need.restore": "needRestore",
  "need.link": "needLink", "need.unlink": "needUnlink", "region.create": "regionCreate",
  "needs.import": "needsImport", "needs.import.undo": "needsImportUndo", "user.erase": "userErase", "siteText.update": "siteTextUpdate",
};

const FIELDS = new Set<string>(["name", "title", "status", "role", "forumRole", "locale", "kind", "description", "dueDate", "ownerId", "userId", "groupId", "documentId", "choice", "count", "reason", "versionId", "quote", "threadId", "actionItemId", "field", "period", "demand", "supply", "unit", "region", "confidence", "sourceName", "archived", "email", "following", "raci", "R", "A", "C", "I"] satisfies FieldKey[]);
/** Bookkeeping fields that say nothing to a reader. */
const HIDDEN = new Set(["id", "forumId", "version", "createdAt", "updatedAt"]);

export function actionMessage(action: string): { key: MessageKey; vars?: Record<string, string> } {
  const key = ACTIONS[action];
  return key ? { key: `audit.actions.${key}` } : { key: "audit.unknownAction", vars: { action } };
}

export type Parsed = { ok: true; value: unknown } | { ok: false; raw: string };

export function parseStored(text: string | null): Parsed {
  if (text === null) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, raw: text };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every string in a stored value (ids among them), to look their names up. */
export function stringsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (isRecord(value)) for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

export interface FieldChange {
  field: string;
  /** A message key for known fields; otherwise the field's own name is shown. */
  label: MessageKey | null;
  before: string | null;
  after: string | null;
}

/** A value for reading: ids replaced by names where known, lists joined, the rest as JSON. */
export function readable(value: unknown, names: Map<string, string>): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return names.get(value) ?? value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => readable(v, names)).join(", ");
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${k}: ${readable(v, names)}`).join("; ");
  return JSON.stringify(value);
}

/** The fields that differ between before and after (or all fields of one of them). */
export function fieldChanges(before: unknown, after: unknown, names: Map<string, string>): FieldChange[] {
  const b = isRecord(before) ? before : before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !HIDDEN.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return keys.map((k) => ({
    field: k,
    label: FIELDS.has(k) ? (`audit.fields.${k}` as MessageKey) : null,
    before: k in b ? readable(b[k], names) : null,
    after: k in a ? readable(a[k], names) : null,
  }));
}
