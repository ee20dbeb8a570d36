import { createUser } from "@/lib/commands/users";
import { forumRoute } from "@/lib/http/forum-route";
import { userCreateSchema } from "@/lib/validation/user";

/** Creates a user; the response carries the one-time password, the only time it is ever shown. Same e-mail twice: 409. */
export const POST = forumRoute<{ forum: string }, typeof userCreateSchema>(
  { role: "admin", body: userCreateSchema, status: 201, headers: { "Cache-Control": "no-store" } },
  async ({ caller, body }) => createUser(caller, body),
);
