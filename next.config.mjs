// Security headers are set by server.ts for every response (one place, with a per-request CSP nonce).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Route handlers that freeze, diff and restore versions use Yjs in the same process as the sync
  // server: one copy of it (Node's own ESM import), not a second bundled one (Yjs warns, and its
  // constructor checks would break across copies).
  serverExternalPackages: ["yjs"],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
