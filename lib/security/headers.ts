/** Response headers for every page and API answer; CSP carries a per-request nonce for Next's scripts. */
export function securityHeaders(opts: { nonce: string; dev: boolean; https: boolean; appUrl: string }): Record<string, string> {
  const script = [`'self'`, `'nonce-${opts.nonce}'`, `'strict-dynamic'`];
  // React's development build needs eval for its debugging aids; production never gets it.
  if (opts.dev) script.push(`'unsafe-eval'`);
  const csp = [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    // Next and React set inline style attributes; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    // Websockets for live editing go to our own origin (ws:// or wss://).
    `connect-src 'self' ${opts.appUrl.replace(/^http/, "ws")}`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `base-uri 'self'`,
    `object-src 'none'`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
