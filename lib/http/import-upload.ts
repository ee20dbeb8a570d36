import type { ForumAccess } from "../db/forums.ts";
import { importLimits, megabytes, type ImportLimits } from "../imports/table.ts";
import { mayCreateNeedIn } from "../policies/need.ts";
import { AppError } from "../services/errors.ts";
import { normaliseText } from "../validation/common.ts";
import { importOptionsSchema, type ImportOptions } from "../validation/import.ts";

/** Room for the multipart envelope and the form's other fields beside the file. */
const ENVELOPE_BYTES = 256 * 1024;
const FILE_NAME_MAX = 200;

export interface ImportUpload {
  options: ImportOptions;
  bytes: Uint8Array;
  fileName: string;
  limits: ImportLimits;
}

/** Reads the request body, refusing it (413) as soon as it passes `max` bytes: a large upload is never held whole. */
export async function readCapped(req: Request, max: number, tooLarge: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** A file name as stored and shown: its last path part, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = normaliseText(name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "");
  return (base || "fil").slice(0, FILE_NAME_MAX);
}

const jsonField = (form: FormData, name: string): unknown => {
  const raw = form.get(name);
  if (raw === null || raw === "") return undefined;
  if (typeof raw !== "string") throw new AppError("invalid_input", "imports.errors.badField", { field: name });
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new AppError("invalid_input", "imports.errors.badField", { field: name });
  }
};

/**
 * An import request (multipart/form-data: `file`, `groupId`, `sourceName`, optional `mapping` and
 * `fixed` as JSON): read within the size limit, its fields checked against the schema (400), and the
 * caller's right to add needs to the group asked of the policy (403) before the file is parsed.
 */
export async function readImportUpload(req: Request, access: ForumAccess): Promise<ImportUpload> {
  const limits = importLimits();
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) throw new AppError("invalid_input", "imports.errors.notMultipart");
  const tooLarge = () => new AppError("payload_too_large", "imports.errors.tooLarge", { max: megabytes(limits.maxBytes) });
  const body = await readCapped(req, limits.maxBytes + ENVELOPE_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "imports.errors.notMultipart");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("invalid_input", "imports.errors.noFile");
  if (file.size > limits.maxBytes) throw tooLarge();
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const options = importOptionsSchema.parse({
    groupId: str("groupId"), sourceName: str("sourceName"), mapping: jsonField(form, "mapping"), fixed: jsonField(form, "fixed"),
  });
  if (!mayCreateNeedIn(access, options.groupId)) throw new AppError("forbidden");
  const fileName = cleanFileName("name" in file && typeof file.name === "string" ? file.name : "");
  return { options, bytes: new Uint8Array(await file.arrayBuffer()), fileName, limits };
}
