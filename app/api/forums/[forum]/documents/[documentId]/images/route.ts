import { uploadDocumentImage } from "@/lib/commands/images";
import { env } from "@/lib/env";
import { forumRoute } from "@/lib/http/forum-route";
import { readImageUpload } from "@/lib/http/image-upload";

type Params = { forum: string; documentId: string };

/**
 * Uploads an image for the document (multipart: `file`, optional `alt`): those who may write the
 * document's text. 413 past IMAGE_MAX_BYTES, 415 for anything but PNG, JPEG, WebP or GIF (by the
 * bytes). The answer is the image's id, type and size; the editor puts the id in the document.
 */
export const POST = forumRoute<Params>({ status: 201 }, async ({ req, params, caller }) => {
  const upload = await readImageUpload(req, env().IMAGE_MAX_BYTES);
  return { image: await uploadDocumentImage(caller, params.documentId, upload) };
});
