import { forumRoute } from "@/lib/http/forum-route";
import { annualReportDownload } from "@/lib/services/annual-report-route";

/** The annual report of `?period=` as Markdown (every member of the forum). */
export const GET = forumRoute<{ forum: string }>({}, async ({ req, access, me, locale }) => annualReportDownload(req, { access, me, locale }, "md"));
