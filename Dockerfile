# The innograph app: API + explorer, store chosen by environment (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --include=optional && npm cache clean --force
COPY . .
# The explorer is built into web/dist at image build time (vite is a dev dependency, so build in a stage with it).
RUN npm install --no-save vite && npx vite build --config web/vite.config.ts && npm uninstall vite --no-save || true
EXPOSE 4000
CMD ["node", "bin/innograph.js", "serve"]
