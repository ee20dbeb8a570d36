import { z } from "zod";
import { idSchema } from "./common.ts";

/** The most notices one "opened" call marks read (a group on the page holds at most the page's 200). */
export const NOTIFICATIONS_OPENED_MAX = 200;

/** The notices a user opened (one line, or every notice about the item of a group). */
export const notificationsOpenedSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(NOTIFICATIONS_OPENED_MAX),
});

export type NotificationsOpenedInput = z.infer<typeof notificationsOpenedSchema>;
