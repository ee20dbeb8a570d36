import { readableImage } from "@/lib/commands/images";
import { db } from "@/lib/db/client";
import { forumRoute } from "@/lib/http/forum-route";

type Params = { forum: string; imageId: string };

/**
 * An image of a document, to those who may read the document (404 otherwise, also for other
 * forums' images). Served as the type found in its bytes, never sniffed, privately cached and
 * revalidated by its SHA-256.
 */
export const GET = forumRoute<Params>({}, async ({ req, params, access }) => {
  const image = await readableImage(db(), access, params.imageId);
  const etag = `"${image.sha256}"`;
  const headers = {
    "Content-Type": image.mime,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=3600, must-revalidate",
    ETag: etag,
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": "inline",
  };
  const match = req.headers.get("if-none-match");
  if (match && match.split(",").some((v) => v.trim() === etag || v.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.data), { status: 200, headers: { ...headers, "Content-Length": String(image.data.byteLength) } });
});
