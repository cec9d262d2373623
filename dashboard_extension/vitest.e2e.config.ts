import { defineConfig } from "vitest/config";

/*
 * The end-to-end test (bin/e2e): Node, a real server and a real Chromium; one file, its
 * steps in order, nothing retried, long timeouts. The unit tests keep vite.config.ts.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globals: false,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    retry: 0,
    reporters: ["verbose"],
  },
});
