// Plain-JS view of db/seed/demo-users.ts for the start script (which runs before any TypeScript loader).
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../db/seed/demo-users.ts", import.meta.url), "utf8");
export const DEMO_PASSWORD = source.match(/DEMO_PASSWORD = "([^"]+)"/)?.[1] ?? "";
export const DEMO_USERS = [...source.matchAll(/email: "([^"]+)", role: "([^"]+)"/g)].map((m) => ({
  email: m[1],
  role: m[2],
}));
