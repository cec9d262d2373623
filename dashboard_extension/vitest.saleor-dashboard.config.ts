import { defineConfig } from "vitest/config";

/*
 * The helpdesk inside a real Saleor Dashboard (npm run e2e:saleor-dashboard): by hand,
 * against a Saleor and a Dashboard given by the environment; one file, steps in order.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.real.ts"],
    environment: "node",
    globals: false,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    retry: 0,
    reporters: ["verbose"],
  },
});
