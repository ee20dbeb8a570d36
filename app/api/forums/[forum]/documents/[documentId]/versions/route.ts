import { createVersion } from "@/lib/commands/versions";
import { forumRoute } from "@/lib/http/forum-route";
import { documentVersions } from "@/lib/services/versions";
import { versionCreateSchema } from "@/lib/validation/version";

type Params = { forum: string; documentId: string };

// Versions are immutable: this path and each version's path answer GET (and POST to create or
// restore); there is no PATCH, PUT or DELETE, so Next answers those with 405.

/** The document's versions, newest first (everyone who reads the document). */
export const GET = forumRoute<Params>({}, async ({ params, access }) => ({
  versions: await documentVersions(access, params.documentId),
}));

/** Saves a named version of the stored text (those who work in the group). */
export const POST = forumRoute<Params, typeof versionCreateSchema>({ body: versionCreateSchema, status: 201 }, async ({ params, caller, body }) => ({
  version: await createVersion(caller, params.documentId, body),
}));
