/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/*
 * The build is served by the plugin under /plugins/global/saleor.helpdesk/dashboard/,
 * so every asset URL is relative and routing lives in the URL's hash.
 */
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../saleor_helpdesk/dashboard_build",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    testTimeout: 30000,
  },
});
