import { updateTargetArea } from "@/lib/commands/target-areas";
import { forumRoute } from "@/lib/http/forum-route";
import { targetAreaUpdateSchema } from "@/lib/validation/target-area";

/** Edits, archives or restores a target area; a stale `version` is a 409 with the current values. */
export const PATCH = forumRoute<{ forum: string; areaId: string }, typeof targetAreaUpdateSchema>({ role: "admin", body: targetAreaUpdateSchema }, async ({ params, caller, body }) => ({
  targetArea: await updateTargetArea(caller, params.areaId, body),
}));
