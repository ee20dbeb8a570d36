// Security headers are set by server.ts for every response (one place, with a per-request CSP nonce).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pdfkit reads its font metrics and the DejaVu files from disk at run time; route handlers that
  // freeze, diff and restore versions use Yjs in the same process as the sync server and must share
  // its one copy (Node's own import, not a second bundled one: Yjs's constructor checks would break).
  serverExternalPackages: ["pdfkit", "yjs"],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
