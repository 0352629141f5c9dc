# Production-like image: build everything, run the bundled API (which also serves the SPA).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install --global pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile \
 && DATABASE_URL=postgresql://unused/unused pnpm exec prisma generate \
 && pnpm -r build \
 && pnpm prune --prod --config.ignore-scripts=true || true

FROM node:20-bookworm-slim
# Chromium and a Thai font (PDF export), pg_dump/pg_restore 15 (db:backup/db:restore), poppler and
# Tesseract (PDF import, OCR): the one list that `npm run validate` installs too (scripts/bootstrap.mjs),
# so the image and CI never drift. Lines tagged @test (LibreOffice, used by tests only) are left out.
COPY deploy/apt-packages.txt /tmp/apt-packages.txt
RUN apt-get update \
 && apt-get install -y --no-install-recommends $(sed 's/#.*//' /tmp/apt-packages.txt | awk 'NF && $0 !~ /[[:space:]]@test/ { print $1 }') \
 && rm -rf /var/lib/apt/lists/* /tmp/apt-packages.txt
ENV NODE_ENV=production PORT=3000 SEED_DEMO=false
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node itself (not npm; `exec` replaces the shell): signals reach the process, which shuts down
# gracefully. Its options come from deploy/node-options.txt, the list the bench measures with.
CMD ["sh", "-c", "exec node $(sed 's/#.*//' deploy/node-options.txt) apps/api/dist/main.js"]
