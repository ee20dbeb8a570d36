// Security headers are set by server.ts for every response (one place, with a per-request CSP nonce).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pdfkit reads its font metrics and the DejaVu files from disk at run time: keep it out of the bundle.
  serverExternalPackages: ["pdfkit"],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
