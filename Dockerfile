# Parley app image, in two stages. `build` installs every dependency and builds the explorer; `runtime` holds the
# production dependencies only (tsx among them: it runs the TypeScript server), runs as the unprivileged `node`
# user with node itself as PID 1 (so SIGTERM reaches the server's shutdown), and reports healthy only once the
# database is ready. The database is a separate neo4j:5.26-community container (see docker-compose.yml).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Only what the server reads at run time; .dockerignore keeps .env files and local state out of the build anyway.
COPY tsconfig.base.json ./
COPY server ./server
COPY contracts ./contracts
COPY extractor ./extractor
COPY cypher ./cypher
COPY data ./data
COPY --from=build /app/dist/client ./dist/client
# The one folder the server may write (the embedded Neo4j's home, unused with NEO4J_URI); the code stays root's.
RUN mkdir -p /app/.parley && chown node:node /app/.parley
USER node
EXPOSE 3000
# Readiness, not liveness: 503 until the schema and the sample data are in place (GET /api/health?ready=1).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health?ready=1').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "server/main.ts"]
