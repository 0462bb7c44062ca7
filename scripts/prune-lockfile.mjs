#!/usr/bin/env node
// The npm registry reachable here lacks some other platforms' optional binaries (e.g. @biomejs/cli-darwin-*),
// so `npm install` writes a lockfile that names them without entries, and `npm ci` then refuses it as out of
// sync. This drops optional dependencies that have no entry in the lockfile. Run it after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const present = new Set(Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, "")));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      dropped += 1;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: dropped ${dropped} optional dependencies this registry does not serve.`);
