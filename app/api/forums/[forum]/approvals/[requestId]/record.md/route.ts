import { forumRoute } from "@/lib/http/forum-route";
import { isLocale, translator } from "@/lib/i18n";
import { decisionRecordFilename, decisionRecordMarkdown, readableDecisionRecord } from "@/lib/services/decision-record";

/** The decision record of a decided request as Markdown, in the reader's language. */
export const GET = forumRoute<{ forum: string; requestId: string }>({}, async ({ params, access, me, locale }) => {
  const record = await readableDecisionRecord(access, params.requestId);
  const t = translator(isLocale(me.locale) ? me.locale : locale);
  return new Response(decisionRecordMarkdown(record, t), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${decisionRecordFilename(record, t, "md")}"`,
      "Cache-Control": "no-store",
    },
  });
});
