import { db } from "../db/client.ts";
import { findSiteText } from "../db/site-texts.ts";
import { formatDateTime } from "../i18n/format.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { statementBlocks, type StatementBlock } from "../presenters/statement.ts";
import type { SiteTextKey } from "../validation/site-text.ts";
import { retentionPeriods } from "./retention.ts";

export interface Statement {
  body: string;
  /** 0: no stored text, the default below is shown. */
  version: number;
  updatedAt: Date | null;
  isDefault: boolean;
}

/** The default text of a statement in the reader's language, with the configured retention periods. */
export function defaultStatement(key: SiteTextKey, t: Translate): string {
  const periods = retentionPeriods();
  const vars = { loginDays: periods.loginAttemptsDays, notificationDays: periods.readNotificationsDays };
  return key === "privacy" ? t("statements.defaultPrivacy", vars) : t("statements.defaultAccessibility", vars);
}

/** A statement as stored, or its default text when no administrator has written one. */
export async function loadStatement(key: SiteTextKey, t: Translate): Promise<Statement> {
  const row = await findSiteText(db(), key);
  if (row) return { body: row.body, version: row.version, updatedAt: row.updatedAt, isDefault: false };
  return { body: defaultStatement(key, t), version: 0, updatedAt: null, isDefault: true };
}

/** What a public statement page shows: the title, the text's blocks and the closing note, in the reader's language. */
export async function statementPage(key: SiteTextKey, t: Translate, locale: Locale): Promise<{ title: string; blocks: StatementBlock[]; note: string }> {
  const statement = await loadStatement(key, t);
  return {
    title: t(`statements.${key}`),
    blocks: statementBlocks(statement.body),
    note: statement.updatedAt ? t("statements.updatedAt", { time: formatDateTime(statement.updatedAt, locale) }) : t("statements.defaultNotice"),
  };
}
