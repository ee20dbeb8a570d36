import { z } from "zod";
import { actionListQueryStringSchema } from "./action-list.ts";
import { text } from "./common.ts";

export const SAVED_VIEW_NAME_MAX = 80;
/** Views one person keeps for one list. */
export const SAVED_VIEWS_PER_SCOPE_MAX = 50;

/** Which list a view belongs to: the forum's overview, or one group's board ("group:<id>"). */
export const savedViewScopeSchema = z.union([z.literal("overview"), z.string().regex(/^group:[a-z0-9]{8,40}$/i, { error: "validation.viewScope" })]);

export type SavedViewScope = z.infer<typeof savedViewScopeSchema>;

/** A new saved view: a name for the current filters and view of a list (its URL query). */
export const savedViewCreateSchema = z.strictObject({
  name: text(1, SAVED_VIEW_NAME_MAX),
  scope: savedViewScopeSchema,
  query: actionListQueryStringSchema,
});

export type SavedViewCreateInput = z.infer<typeof savedViewCreateSchema>;

/** The list of a person's views for one list (`?scope=`). */
export const savedViewListQuerySchema = z.strictObject({ scope: savedViewScopeSchema });

/** The group a scope names, or null for the overview. */
export function scopeGroupId(scope: SavedViewScope): string | null {
  return scope === "overview" ? null : scope.slice("group:".length);
}
