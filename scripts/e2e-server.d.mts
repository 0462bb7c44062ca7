// Types for scripts/e2e-server.mjs (a plain Node script, as scripts/e2e.mjs runs without tsx).
export function e2eEnv(options: {
  port: number | string;
  dbFile: string;
  base?: NodeJS.ProcessEnv;
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv & { PORT: string };
export function migrate(env: NodeJS.ProcessEnv, stdio?: "inherit" | "ignore" | "pipe"): number;
export function removeDatabase(dbFile: string): void;
export function startServer(
  env: NodeJS.ProcessEnv & { PORT: string },
  options?: { timeoutMs?: number },
): Promise<{ origin: string; stop: () => Promise<void> }>;
