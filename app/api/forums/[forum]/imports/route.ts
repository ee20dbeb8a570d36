import { commitImport } from "@/lib/commands/imports";
import { db } from "@/lib/db/client";
import { listImportBatches } from "@/lib/db/imports";
import { errorResponse } from "@/lib/http/api";
import { readImportUpload } from "@/lib/http/import-upload";
import { forumRoute } from "@/lib/http/forum-route";
import { translator } from "@/lib/i18n";
import { readTable } from "@/lib/imports/read-file";
import { presentImportBatch, type ImportProgress } from "@/lib/presenters/import";

/** The forum's imports, newest first; everyone in the forum reads them. */
export const GET = forumRoute<{ forum: string }>({}, async ({ access }) => ({
  batches: (await listImportBatches(db(), access.forum.id)).map((b) => presentImportBatch(access, b)),
}));

/**
 * Commits an import (the same multipart form as the preview), all or nothing: 201 with the batch and
 * its counts, 422 listing every row's problems, 4xx for a file that cannot be read. With
 * `Accept: application/x-ndjson` the answer is a stream of progress lines (read, check, write) ending
 * in one `done` or `error` line, for a progress bar on large files.
 */
export const POST = forumRoute<{ forum: string }>({ status: 201 }, async ({ req, access, caller, locale }) => {
  const upload = await readImportUpload(req, access);
  const t = translator(locale);
  const run = async (progress?: (line: ImportProgress) => void) => {
    const table = await readTable(upload.bytes, upload.limits, (done) => progress?.({ type: "progress", phase: "read", done, total: null }));
    return commitImport(caller, { options: upload.options, table, fileName: upload.fileName }, t, (phase, done, total) => progress?.({ type: "progress", phase, done, total }));
  };
  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) return run();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A reader that went away does not stop the import (it commits or not as a whole); its lines are dropped.
      const send = (line: ImportProgress) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          /* the stream was cancelled */
        }
      };
      try {
        send({ type: "done", result: await run(send) });
      } catch (error) {
        const res = errorResponse(error, locale);
        send({ type: "error", status: res.status, error: ((await res.json()) as { error: Extract<ImportProgress, { type: "error" }>["error"] }).error });
      }
      try {
        controller.close();
      } catch {
        /* the stream was cancelled */
      }
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" },
  });
});
