import type { ForumAccess } from "../db/forums.ts";

// Every rule about who may do what lives here, as plain functions of the caller's standing.

/** Administers the forum's structure: groups, members, roles, target areas, users. */
export function canAdministerForum(access: ForumAccess): boolean {
  return access.role === "ADMIN";
}

// Reading: every member of a forum reads every group's page, members and documents, so a
// ForumAccess (found only for members) is the whole check; see lib/services/access.ts.

/** Writes a group's documents and board: its own members and the project leader. */
export function canEditGroupContent(access: ForumAccess, groupId: string): boolean {
  return access.role === "PROJECT_LEADER" || access.groupIds.includes(groupId);
}
