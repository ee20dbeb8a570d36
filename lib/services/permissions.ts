import type { ForumAccess } from "../db/forums.ts";

// Every rule about who may do what lives here, as plain functions of the caller's standing.

/** Administers the forum's structure: groups, members, roles, target areas, users. */
export function canAdministerForum(access: ForumAccess): boolean {
  return access.role === "ADMIN";
}

/** Reads a group's page, members and documents: every member of the forum. */
export function canViewGroup(_access: ForumAccess): boolean {
  return true;
}

/** Writes a group's documents and board: its own members and the project leader. */
export function canEditGroupContent(access: ForumAccess, groupId: string): boolean {
  return access.role === "PROJECT_LEADER" || access.groupIds.includes(groupId);
}

/** Sees the administration screens link. */
export function showsAdminLink(access: ForumAccess): boolean {
  return canAdministerForum(access);
}
