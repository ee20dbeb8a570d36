/** Where a rejected or missing callbackUrl leads: the start page, which sends people to their forum. */
export const CALLBACK_HOME = "/";

// Placeholder origin for resolving paths when the caller has none (the browser and server pass theirs).
const FALLBACK_ORIGIN = "http://samrad.invalid";

// Control characters (tab, CR, LF, NUL…), backslashes, whitespace, and invisible format characters
// (bidi overrides, zero-width): browsers drop or reinterpret them, turning "/\t/x" into "//x".
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\\s\p{Cf}]/u;

/** Decodes percent-escapes until stable (at most a few rounds); null when malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The one rule for following a callbackUrl after sign-in: resolved against the app's origin, only a
 * same-origin path is kept (checked after decoding: no backslash, control or invisible characters, no
 * `//`, no scheme); anything else goes to CALLBACK_HOME. Never throws.
 */
export function safeCallback(raw: unknown, origin: string = FALLBACK_ORIGIN): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return CALLBACK_HOME;
  let candidate = raw;
  // An absolute URL is accepted only when it is exactly our origin (next-auth sends those).
  if (!candidate.startsWith("/")) {
    if (!candidate.startsWith(`${origin}/`)) return CALLBACK_HOME;
    candidate = candidate.slice(origin.length);
  }
  const decoded = fullyDecoded(candidate);
  if (decoded === null) return CALLBACK_HOME;
  for (const form of [candidate, decoded]) {
    if (!form.startsWith("/") || FORBIDDEN.test(form)) return CALLBACK_HOME;
    const pathPart = form.split(/[?#]/, 1)[0]!;
    if (pathPart.includes("//") || /^\/[a-z][a-z0-9+.-]*:/i.test(pathPart)) return CALLBACK_HOME;
  }
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return CALLBACK_HOME;
  }
  if (url.origin !== new URL(origin).origin) return CALLBACK_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
