// npm run user:create -- --email E --name N --role R [--locale en|zh] [--db FILE]
// The password is read from standard input when it is piped (first line), e.g.
//   printf '%s\n' "$PASSWORD" | npm run user:create -- --email ada@example.com --name "Ada" --role admin
// otherwise one is generated and printed once. Exit code 1 when refused, 2 for usage.
import { parseArgs } from "node:util";
import { databasePath, openDb } from "@/db/client";
import { ROLES } from "@/db/schema";
import { createUserFromCli } from "./user-create";

const USAGE = `Usage: npm run user:create -- --email E --name N --role R [--locale en|zh] [--db FILE]
  roles: ${ROLES.join(", ")}
  password: piped on standard input (first line), or generated and printed once`;

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const firstLine = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  return firstLine.length ? firstLine : null;
}

let values: Record<string, string | boolean | undefined>;
try {
  values = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      locale: { type: "string" },
      db: { type: "string" },
      help: { type: "boolean" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help || !values.email || !values.name || !values.role) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const db = openDb((values.db as string | undefined) ?? databasePath());
const result = await createUserFromCli(
  db,
  {
    email: values.email as string,
    name: values.name as string,
    role: values.role as string,
    locale: values.locale as string | undefined,
  },
  await readStdin(),
);
db.$client.close();
if (!result.ok) {
  for (const line of result.errors) console.error(line);
  process.exit(1);
}
console.log(`Created ${values.role} ${result.email}.`);
if (result.generatedPassword) {
  console.log(`Password (shown once, pass it on privately): ${result.generatedPassword}`);
}
