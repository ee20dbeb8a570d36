import { env } from "../env.ts";

/**
 * Whether a state-changing request comes from our own pages. Browsers always send Origin on
 * cross-origin POSTs, so a foreign or "null" Origin is refused; a request with no Origin is only
 * accepted when Sec-Fetch-Site does not call it cross-site (non-browser clients carry no cookies of ours).
 */
export function isSameOrigin(headers: { get(name: string): string | null }): boolean {
  const origin = headers.get("origin");
  if (!origin) {
    const site = headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  if (origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const e = env();
  if (url.origin === e.APP_URL || e.ALLOWED_ORIGINS.includes(url.origin)) return true;
  const host = headers.get("host");
  return host !== null && url.host === host;
}
