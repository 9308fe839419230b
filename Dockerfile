# One image for the setup job, the API and the worker; docker-compose.yml chooses the command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# swagger-ui-dist depends on @scarf/scarf, whose install script reports usage; the image's npm
# (10) runs install scripts regardless of package.json's allowScripts.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lock file lacks other platforms' optional binaries (it is
# written against a registry mirror that serves only this one's), and `npm ci` rejects that.
# Locked versions are still the ones installed.
RUN npm install --no-audit --no-fund
COPY . .
# Compiles apps, libs and workflows to dist/ and bundles the workflows to dist/workflow-bundle.js.
RUN node tools/bootstrap.js build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
# Owned by root and read-only to the app user: the processes never write into /app.
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
