import type { MessageKey } from "../i18n/index.ts";

/** Stable error codes, turned into HTTP statuses (and websocket close codes) in one place. */
export const ERROR_CODES = {
  unauthenticated: { status: 401, close: 4401, message: "errors.unauthenticated" },
  forbidden: { status: 403, close: 4403, message: "errors.forbidden" },
  /** Signed in with a one-time password: only the password change (and sign-out) is open until the user picks their own. */
  password_change_required: { status: 403, close: 4428, message: "errors.passwordChangeRequired" },
  foreign_origin: { status: 403, close: 4403, message: "errors.foreignOrigin" },
  not_found: { status: 404, close: 4404, message: "errors.notFound" },
  invalid_input: { status: 400, close: 4400, message: "errors.invalidInput" },
  conflict: { status: 409, close: 4409, message: "errors.conflict" },
  /** Optimistic concurrency: the record changed since the form was opened; the body carries the current values. */
  stale: { status: 409, close: 4409, message: "errors.stale" },
  payload_too_large: { status: 413, close: 4413, message: "errors.payloadTooLarge" },
  /** An uploaded file that is neither CSV nor XLSX, or text in an encoding we do not read. */
  unsupported_file: { status: 415, close: 4415, message: "errors.unsupportedFile" },
  /** An uploaded file we read but cannot use as a table (no header, a cell too long, broken quoting…). */
  invalid_file: { status: 422, close: 4422, message: "errors.invalidFile" },
  /** An import whose rows have problems: nothing is written; the body lists the rows and their problems. */
  invalid_rows: { status: 422, close: 4422, message: "errors.invalidRows" },
  rate_limited: { status: 429, close: 4429, message: "errors.rateLimited" },
} as const satisfies Record<string, { status: number; close: number; message: MessageKey }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a stable code; anything else is a bug and becomes a 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey = ERROR_CODES[code].message,
    readonly vars: Record<string, string | number> = {},
    /** `detail`: more facts for the caller, sent as they are (e.g. an import's row problems). */
    readonly extra: { retryAfterSeconds?: number; current?: unknown; detail?: Record<string, unknown> } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
  }
}
