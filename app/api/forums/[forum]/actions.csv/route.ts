import { loadForumItems } from "@/lib/db/actions";
import { db } from "@/lib/db/client";
import { forumRoute } from "@/lib/http/forum-route";
import { translator } from "@/lib/i18n";
import { applyFilters, filtersFromParams, sortForWork } from "@/lib/services/action-filters";
import { todayInOslo } from "@/lib/time/oslo";
import { toCsv } from "@/lib/services/csv";

/** The overview as CSV, with the same filters as the screen. */
export const GET = forumRoute<{ forum: string }>({}, async ({ req, access, locale }) => {
  const t = translator(locale);
  const today = todayInOslo();
  const items = sortForWork(applyFilters(await loadForumItems(db(), access.forum.id), filtersFromParams(new URL(req.url).searchParams), today), today);
  const accountable = (i: (typeof items)[number]) => i.raci.filter((r) => r.role === "A").map((r) => r.user?.name ?? r.group?.name).join(", ");
  const csv = toCsv([
    [t("actions.group"), t("actions.title"), t("actions.status"), t("actions.owner"), t("actions.accountable"), t("actions.due"), t("actions.targetArea"), t("actions.description")],
    ...items.map((i) => [i.groupName, i.title, t(`actionStatus.${i.status}`), i.owner?.name ?? "", accountable(i), i.dueDate ?? "", i.targetArea?.name ?? "", i.description]),
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tiltak-${access.forum.slug}-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
