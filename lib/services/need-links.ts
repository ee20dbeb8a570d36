import { db } from "../db/client.ts";
import { needChoices, needsLinkedTo } from "../db/needs.ts";
import type { Locale, Translate } from "../i18n/index.ts";
import { formatNumber } from "../i18n/format.ts";
import { gapOf } from "../needs/coverage.ts";

/** What the "needs this answers" panel of a recommendation or action shows: the linked needs and the ones to choose from. */
export async function needPanel(forumId: string, target: { documentId: string } | { actionItemId: string }, t: Translate, locale: Locale) {
  const [linked, choices] = await Promise.all([needsLinkedTo(db(), target), needChoices(db(), forumId)]);
  return {
    linked: linked.map((n) => ({
      id: n.id,
      title: n.title,
      period: n.period,
      region: n.region?.name ?? null,
      gapText: `${t("needs.gap")} ${formatNumber(gapOf(n), locale)} ${t(`needs.units.${n.unit as "PERSONS"}`)}`,
    })),
    choices: choices.map((n) => ({ id: n.id, label: `${n.title} (${n.period}, ${n.region?.name ?? t("needs.county")})` })),
  };
}
