import { megabytes } from "../imports/table.ts";
import { AppError } from "../services/errors.ts";
import { readCapped } from "./import-upload.ts";

/** Room for the multipart envelope and the alt field beside the file. */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * An image upload (multipart/form-data: `file`, optional `alt`): refused with 413 as soon as the
 * body passes the limit (never held whole), 400 without a file.
 */
export async function readImageUpload(req: Request, maxBytes: number): Promise<{ bytes: Uint8Array; alt: string }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) throw new AppError("invalid_input", "images.notMultipart");
  const tooLarge = () => new AppError("payload_too_large", "images.tooLarge", { max: megabytes(maxBytes) });
  const body = await readCapped(req, maxBytes + ENVELOPE_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "images.notMultipart");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("invalid_input", "images.noFile");
  if (file.size > maxBytes) throw tooLarge();
  const alt = form.get("alt");
  return { bytes: new Uint8Array(await file.arrayBuffer()), alt: typeof alt === "string" ? alt : "" };
}
