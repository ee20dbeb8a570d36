import type { Prisma } from "./generated/prisma/client.ts";

/** A Prisma client or an interactive transaction: repositories accept either. */
export type DbClient = Prisma.TransactionClient;
export type {
  ForumRole,
  GroupKind,
  GroupRole,
  DocumentKind,
  DocumentStatus,
  ActionStatus,
  RaciRole,
} from "./generated/prisma/enums.ts";
