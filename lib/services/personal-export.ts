import { PERSONAL_DATA_MODELS, readPersonalData, type PersonalDataModel, type PersonalRow } from "../db/personal-data.ts";
import { transaction } from "../db/transaction.ts";
import { findActiveUser } from "../db/users.ts";
import { todayInOslo } from "../time/oslo.ts";
import { AppError } from "./errors.ts";

/** Everything Samråd holds about one person (GDPR art. 15 and 20): one section per table, by Prisma model name. */
export type PersonalExport = { exportedAt: Date; schema: PersonalDataModel[] } & Record<PersonalDataModel, PersonalRow[]>;

const EMAIL = /[^\s@"'<>(),;:\\]+@[^\s@"'<>(),;:\\]+\.[^\s@"'<>(),;:\\]+/g;

/**
 * Replaces every e-mail address but the person's own in strings, deep (audit entries' before/after,
 * titles and notes written by others): the export tells a person about themselves, not about
 * the people they worked with. Dates and other values pass unchanged.
 */
export function withoutOthersEmails<T>(value: T, ownEmail: string): T {
  const own = ownEmail.toLowerCase();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(EMAIL, (m) => (m.toLowerCase() === own ? m : "[e-post]"));
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object" && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** The signed-in person's data, read in one transaction (a consistent picture). */
export async function personalExport(userId: string, now = new Date()): Promise<PersonalExport> {
  const sections = await transaction(async (tx) => {
    const user = await findActiveUser(tx, userId);
    if (!user) throw new AppError("unauthenticated");
    return { email: user.email, data: await readPersonalData(tx, { id: user.id, email: user.email }) };
  }, { timeoutMs: 60_000 });
  return withoutOthersEmails({ exportedAt: now, schema: PERSONAL_DATA_MODELS, ...sections.data }, sections.email);
}

/** The download's file name: samrad-<date in Norway>.json. */
export function exportFileName(now = new Date()): string {
  return `samrad-${todayInOslo(now)}.json`;
}
