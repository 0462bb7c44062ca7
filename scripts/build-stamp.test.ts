import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { buildNeeded, writeStamp } from "./build-stamp.mjs";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("npm start builds only when needed", () => {
  it("builds without a build, reuses a build of the same sources, and builds again after a change", () => {
    const root = mkdtempSync(path.join(tmpdir(), "ladder-stamp-"));
    roots.push(root);
    mkdirSync(path.join(root, "app"), { recursive: true });
    writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;\n");
    writeFileSync(path.join(root, "package.json"), "{}\n");
    expect(buildNeeded(root)).toBe("no build yet");

    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    expect(buildNeeded(root)).toBe("the build has no source stamp");
    writeStamp(root);
    expect(buildNeeded(root)).toBeNull();

    // A test file is not part of the build; a page is.
    writeFileSync(path.join(root, "app", "page.test.ts"), "test;\n");
    expect(buildNeeded(root)).toBeNull();
    writeFileSync(path.join(root, "app", "page.tsx"), "export default 2;\n");
    expect(buildNeeded(root)).toBe("the sources changed since the last build");
  });
});
