import { forumRoute } from "@/lib/http/forum-route";
import { isLocale, translator } from "@/lib/i18n";
import { decisionRecordFilename, decisionRecordPdf, readableDecisionRecord } from "@/lib/services/decision-record";

/** The decision record of a decided request as PDF (DejaVu Sans embedded), in the reader's language. */
export const GET = forumRoute<{ forum: string; requestId: string }>({}, async ({ params, access, me, locale }) => {
  const record = await readableDecisionRecord(access, params.requestId);
  const t = translator(isLocale(me.locale) ? me.locale : locale);
  const pdf = await decisionRecordPdf(record, t);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      "Content-Disposition": `attachment; filename="${decisionRecordFilename(record, t, "pdf")}"`,
      "Cache-Control": "no-store",
    },
  });
});
