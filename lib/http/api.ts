import { z } from "zod";
import { cookies, headers } from "next/headers";
import { userFromSessionToken, sessionCookieName, type SessionUser } from "../auth/session.ts";
import { mayUseApp } from "../policies/account.ts";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, translator, type Locale } from "../i18n/index.ts";
import { AppError, ERROR_CODES } from "../services/errors.ts";
import { isWellFormedText, LIMITS } from "../validation/common.ts";
import { fieldErrors, summary } from "../validation/format.ts";
import { CLIENT_IP_HEADER } from "./client-ip.ts";
import { isSameOrigin } from "./origin.ts";

export interface ApiContext<P> {
  req: Request;
  params: P;
  ip: string | null;
  /** The reader's language: the signed-in user's choice once `user()` has run, else the cookie's or the browser's. */
  readonly locale: Locale;
  /** The signed-in user; throws 401 when there is none. */
  user(): Promise<SessionUser>;
}

function requestLocale(req: Request, cookieLocale: string | undefined): Locale {
  return isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(req.headers.get("accept-language"));
}

/** JSON error body: a stable code, a readable message and, for bad input, one message per field. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const t = translator(locale);
  if (error instanceof z.ZodError) {
    return Response.json(
      { error: { code: "invalid_input", message: `${t("errors.invalidInput")}: ${summary(error, t)}`, fields: fieldErrors(error, t) } },
      { status: 400 },
    );
  }
  if (error instanceof AppError) {
    const spec = ERROR_CODES[error.code];
    const headers = new Headers();
    if (error.extra.retryAfterSeconds !== undefined) headers.set("Retry-After", String(error.extra.retryAfterSeconds));
    return Response.json(
      {
        error: {
          code: error.code, message: t(error.messageKey, error.vars),
          ...(error.extra.retryAfterSeconds !== undefined ? { retryAfter: error.extra.retryAfterSeconds } : {}),
          ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
          ...error.extra.detail,
        },
      },
      { status: spec.status, headers },
    );
  }
  console.error("Unhandled error in route handler", error);
  return Response.json({ error: { code: "internal", message: t("errors.internal") } }, { status: 500 });
}

/**
 * Wraps a route handler: same-origin check for mutations, session on demand (a one-time-password
 * session is 403 password_change_required unless `allowPendingPassword`), and one place that turns
 * AppError / ZodError into HTTP responses.
 */
export function apiRoute<P = Record<string, never>>(
  fn: (ctx: ApiContext<P>) => Promise<unknown>,
  /** Open to a one-time-password session (only the password change is). */
  options: { allowPendingPassword?: boolean } = {},
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const cookieStore = await cookies();
    // The cookie or the browser's language until the caller is known; then the user's own choice,
    // as pages do (a user who chose English on another browser gets English errors here too).
    let locale = requestLocale(req, cookieStore.get(LOCALE_COOKIE)?.value);
    try {
      if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req.headers)) {
        throw new AppError("foreign_origin");
      }
      const ip = (await headers()).get(CLIENT_IP_HEADER);
      let cached: SessionUser | null | undefined;
      const ctx: ApiContext<P> = {
        req, params: await context.params, ip,
        get locale() {
          return locale;
        },
        async user() {
          cached ??= await userFromSessionToken(cookieStore.get(sessionCookieName())?.value);
          if (!cached) throw new AppError("unauthenticated");
          if (isLocale(cached.locale)) locale = cached.locale;
          if (!options.allowPendingPassword && !mayUseApp(cached)) throw new AppError("password_change_required");
          return cached;
        },
      };
      const result = await fn(ctx);
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

/** Reads a JSON body within the size limit and validates it; bad JSON and bad shapes become 400. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > LIMITS.bodyMax) throw new AppError("payload_too_large");
  const raw = await req.text();
  if (Buffer.byteLength(raw) > LIMITS.bodyMax) throw new AppError("payload_too_large");
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError("invalid_input", "errors.invalidJson");
  }
  // JSON may escape half a surrogate pair ("\ud800"); such a string cannot be stored (UTF-8) and
  // would fail deep in the database driver.
  if (!wellFormed(data)) throw new AppError("invalid_input", "errors.invalidUnicode");
  return schema.parse(data);
}

/** Whether every string in a parsed JSON value (keys included) is well-formed UTF-16. */
function wellFormed(value: unknown): boolean {
  if (typeof value === "string") return isWellFormedText(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).every(([key, inner]) => isWellFormedText(key) && wellFormed(inner));
  }
  return true;
}
