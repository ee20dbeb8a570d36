import { db } from "@/lib/db/client";
import { findGroup } from "@/lib/db/groups";
import { readImportUpload } from "@/lib/http/import-upload";
import { forumRoute } from "@/lib/http/forum-route";
import { translator } from "@/lib/i18n";
import { readTable } from "@/lib/imports/read-file";
import { AppError } from "@/lib/services/errors";
import { previewImport } from "@/lib/services/imports";

/**
 * The preview of an import (multipart: file, groupId, sourceName, optional mapping and fixed as JSON):
 * the file's columns, the mapping (sent, remembered for the source, or guessed), the first rows as
 * they would be stored and every row's problems. Writes nothing and keeps nothing: the commit sends
 * the file again.
 */
export const POST = forumRoute<{ forum: string }>({}, async ({ req, access, locale }) => {
  const upload = await readImportUpload(req, access);
  if (!(await findGroup(db(), access.forum.id, upload.options.groupId))) throw new AppError("invalid_input", "imports.errors.unknownGroup");
  const table = await readTable(upload.bytes, upload.limits);
  return { preview: await previewImport(db(), access.forum.id, upload.options, table, upload.fileName, translator(locale)) };
});
