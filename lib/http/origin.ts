import { env } from "../env.ts";

/**
 * Whether a state-changing request comes from our own pages. Browsers always send Origin on
 * cross-origin POSTs, so an Origin other than APP_URL or ALLOWED_ORIGINS (scheme included) is
 * refused; a request with no Origin is only accepted when Sec-Fetch-Site does not call it cross-site (non-browser clients carry no cookies of ours).
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
  // Scheme, host and port against the configured origins only: the Host header is the client's to forge.
  const e = env();
  return url.origin === e.APP_URL || e.ALLOWED_ORIGINS.some((allowed) => allowed.replace(/\/+$/, "") === url.origin);
}
