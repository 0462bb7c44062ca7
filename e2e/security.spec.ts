// Browser defences and input limits against the real server (scripts/serve.ts in front of Next), issue #11.
import { request as httpRequest } from "node:http";
import { DEMO, expect, signIn, test } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);

/** A raw HTTP/1.1 exchange, for what browsers and fetch refuse to send (huge request lines). */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: "localhost", port, path, method: init.method ?? "GET", headers: init.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

test("pages carry a nonce CSP without unsafe-inline scripts and the framing, sniffing and referrer headers", async ({
  page,
}) => {
  const response = await page.goto("/sign-in");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // http public URL: no HSTS (it would lock browsers out of a plain-http install).
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Next puts the nonce on its scripts; a second page load gets another one.
  const scripts = await page
    .locator("script")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  const again = await page.goto("/sign-in");
  expect(again?.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("under the CSP the app hydrates and Recharts draws, with no policy violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  await signIn(page, DEMO.executive);
  await page.goto("/reports/ladder");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  // Client-side navigation works (hydrated).
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Accounts" })
    .click();
  await expect(page).toHaveURL(/\/accounts/);
  expect(violations).toEqual([]);
});

test("API answers carry a policy that allows nothing", async ({ request }) => {
  const response = await request.get("/api/trpc/setup.needed");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test("a tRPC mutation from a foreign origin, or without one, is refused with 403 and a plain sentence", async ({
  page,
}) => {
  await signIn(page, DEMO.agent);
  const body = JSON.stringify({ json: { locale: "en" } });
  const send = (origin?: string) =>
    page.request.post("/api/trpc/users.setLocale", {
      headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
      data: body,
    });
  for (const origin of ["https://evil.example", undefined]) {
    const refused = await send(origin);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("did not come from Ladder CRM's own pages");
  }
  expect((await send(`http://localhost:${port}`)).status()).toBe(200);
});

test("a body over 1 MB is refused with 413 before it is read", async () => {
  // Announce 150 MB but send only the first kilobyte: the answer comes without the server waiting for the rest.
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "localhost",
        port,
        path: "/api/trpc/complaints.submitPublic",
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: `http://localhost:${port}`,
          "content-length": String(150 * 1024 * 1024),
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write("x".repeat(1024));
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain("The request is too large (at most 1 MB).");
});

test("over-long addresses get 414 or 431, not a reset connection", async () => {
  const long = await raw(`/accounts?q=${"a".repeat(10_000)}`);
  expect(long.status).toBe(414);
  const huge = await raw(`/accounts?q=${"a".repeat(40_000)}`);
  expect(huge.status).toBe(431);
  expect(huge.body).toContain("too long");
});
