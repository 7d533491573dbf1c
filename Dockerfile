# One image for the three services and the tools (compose picks the command), and an nginx image of the web console
# (target `console`). Node 20, as on our machines.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/messaging/package.json libs/messaging/
COPY libs/redis-kit/package.json libs/redis-kit/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/timers/package.json libs/timers/
COPY libs/telemetry/package.json libs/telemetry/
COPY libs/test-infra/package.json libs/test-infra/
COPY libs/testing/package.json libs/testing/
COPY apps/challenge-service/package.json apps/challenge-service/
COPY apps/matching-service/package.json apps/matching-service/
COPY apps/notification-service/package.json apps/notification-service/
COPY tools/package.json tools/
COPY e2e/package.json e2e/
COPY e2e-browser/package.json e2e-browser/
COPY apps/web-console/package.json apps/web-console/
COPY bench/package.json bench/
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -b tsconfig.build.json && npm run -s console:build

FROM nginx:1.27-alpine AS console
ENV OIDC_AUTHORITY=/oidc OIDC_CLIENT_ID=jiebang-console OIDC_SCOPE="openid profile api"
COPY --from=build /app/apps/web-console/dist /usr/share/nginx/html
COPY tools/docker/nginx.conf.template /etc/nginx/templates/default.conf.template
EXPOSE 80

FROM node:20-bookworm-slim
ENV NODE_ENV=development
WORKDIR /app
COPY --from=build /app /app
EXPOSE 3001 3002 3003
CMD ["node", "apps/challenge-service/dist/main.js"]
