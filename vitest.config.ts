import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: [
      "server/**/*.test.ts",
      "app/**/*.test.ts",
      "db/**/*.test.ts",
      "messages/**/*.test.ts",
      "bench/**/*.test.ts",
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    // Seeding a demo company takes seconds; on a loaded 2-core machine it passed 10 s (hooks) and 20 s (tests).
    hookTimeout: 60_000,
  },
});
