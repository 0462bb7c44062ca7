// Whether `npm start` must build (issue #10 §6): a build is reused while the sources it was built from are
// unchanged. The stamp is a hash of every source file's path and content (not modification times, which a
// checkout or copy changes), written into .next/ after a successful build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "server", "db", "lib", "i18n", "messages", "public"];
const SOURCE_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "global.d.ts",
];
const SKIP = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;
const STAMP = path.join(".next", "source-stamp");

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((f) => !SKIP.test(f));
}

export function sourceStamp(root = ".") {
  const hash = createHash("sha256");
  const all = [
    ...SOURCE_DIRS.flatMap((d) => files(path.join(root, d))),
    ...SOURCE_FILES.map((f) => path.join(root, f)),
  ]
    .filter((f) => existsSync(f))
    .sort();
  for (const f of all) hash.update(f).update("\0").update(readFileSync(f)).update("\0");
  return hash.digest("hex");
}

/** Why a build is needed, or null when the last build matches the sources. */
export function buildNeeded(root = ".") {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return "no build yet";
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp)) return "the build has no source stamp";
  return readFileSync(stamp, "utf8").trim() === sourceStamp(root)
    ? null
    : "the sources changed since the last build";
}

export function writeStamp(root = ".") {
  writeFileSync(path.join(root, STAMP), `${sourceStamp(root)}\n`);
}
