/** Header the custom server sets on every request to the client address it trusts (never from the client). */
export const CLIENT_IP_HEADER = "x-samrad-client-ip";

/** The client address for a raw Node request: X-Forwarded-For only when the proxy is trusted. */
export function resolveClientIp(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return remoteAddress ?? "unknown";
}
