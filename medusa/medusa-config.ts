// Kassa's Medusa v2 project: a server-to-server web shop (the admin dashboard is off).
// With REDIS_URL the event bus is BullMQ on Redis, so a subscriber that fails (the hub is
// down) is retried; without it the local in-process bus is used (CI, development).
import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl,
          // The forwarder throws when the hub does not take an event: retry it for ~1 min.
          jobOptions: {
            attempts: 10,
            backoff: { type: "exponential", delay: 500 },
            removeOnComplete: true,
          },
        },
      },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://127.0.0.1:8000",
      adminCors: process.env.ADMIN_CORS || "http://127.0.0.1:9000",
      authCors: process.env.AUTH_CORS || "http://127.0.0.1:9000",
      jwtSecret: process.env.JWT_SECRET || "kassa-dev-only-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "kassa-dev-only-cookie-secret",
    },
  },
  admin: { disable: true },
  modules: redisModules,
})
