import type { Translate } from "@/lib/i18n";
import type { SearchHitView } from "@/lib/presenters/search";

/** The words shown for a hit's kind and status, in the reader's language. */
export function hitStatusLabel(hit: Pick<SearchHitView, "kind" | "status">, t: Translate): string {
  if (hit.kind === "document") return t(`documentStatus.${hit.status as "DRAFT"}`);
  if (hit.kind === "action") return t(`actionStatus.${hit.status as "OPEN"}`);
  return t(`search.threadStatus.${hit.status as "OPEN"}`);
}

/** A hit's title (marked); a comment is shown as a comment on its document's or action's title. */
export function hitTitle(hit: Pick<SearchHitView, "kind" | "title" | "parentTitle">, t: Translate): string {
  return hit.kind === "comment" ? t("search.commentOn", { title: hit.parentTitle ?? "" }) : hit.title;
}
