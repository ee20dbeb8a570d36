import { apiRoute } from "@/lib/http/api";
import { exportFileName, personalExport } from "@/lib/services/personal-export";

/** Everything Samråd holds about the signed-in person, as a JSON download (only one's own; 401 signed out). */
export const GET = apiRoute(async ({ user }) => {
  const me = await user();
  const now = new Date();
  const data = await personalExport(me.id, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(now)}"`,
      "Cache-Control": "no-store",
    },
  });
});
