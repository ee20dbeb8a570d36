# Samråd's reference image: one app instance (server.ts: Next.js, the sync server and the workers
# in one process). docker-compose.yml runs two of these behind Caddy; README "Running several
# instances (PostgreSQL and Redis)" describes it.
#
# Build stage: dependencies (native ones, better-sqlite3 and @node-rs/argon2, need a compiler only
# when no prebuilt binary fits), the Prisma client and the Next.js production build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# postinstall runs `prisma generate`; the engines are never downloaded (see prisma.config.ts).
RUN npm ci
COPY . .
RUN npx prisma generate && npx next build

# Run stage: the same tree without the compiler. `node --import tsx server.ts` is what `npm start`
# ends in, without its steps for a single machine (secrets generated into ./data, build if needed):
# in a container the secrets come from the environment and the build is in the image.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0
COPY --from=build /app /app
RUN mkdir -p /app/data /var/lib/samrad && chown -R node:node /app/data /var/lib/samrad
USER node
EXPOSE 3000
# Liveness for `docker ps` / restarts: /api/health never asks the database (readiness is the
# proxy's business, /api/ready).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM starts the drain (server.ts): readiness 503, DRAIN_DELAY_MS, rooms stored, sockets closed with 1012, exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "server.ts"]
