# syntax=docker/dockerfile:1
# One image definition, two runtime targets:
#   web  - the Next.js standalone server (dashboard + API), no custom server, no long-lived connections
#   app  - worker, realtime gateway, jobs and the migrate step (tsx on the sources)
# Build: docker build --target web -t tradeforge-web .  /  docker build --target app -t tradeforge-app .

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build

FROM node:20-bookworm-slim AS web
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: the app drains on SIGTERM itself (instrumentation.ts) instead of Next.js cutting keep-alives.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 NEXT_MANUAL_SIG_HANDLE=true
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
USER node
# The compose file picks the process: start:worker, start:realtime, start:jobs or db:migrate.
CMD ["npm", "run", "start:worker"]
