import { createTargetArea } from "@/lib/commands/target-areas";
import { forumRoute } from "@/lib/http/forum-route";
import { targetAreaCreateSchema } from "@/lib/validation/target-area";

export const POST = forumRoute<{ forum: string }, typeof targetAreaCreateSchema>({ role: "admin", body: targetAreaCreateSchema, status: 201 }, async ({ caller, body }) => ({
  targetArea: await createTargetArea(caller, body),
}));
