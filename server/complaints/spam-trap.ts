// Spam protection for the public complaint form that needs no outside service: a hidden field people leave
// empty, and a signed start time (issued with the form) so a submission faster than a person can type is
// refused. The signature keeps a bot from simply sending an old time.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Fewer seconds than this between opening the form and sending it is a bot. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this must be reloaded. */
export const MAX_FORM_AGE_MS = 24 * 3_600_000;

const globalForSecret = globalThis as unknown as { complaintFormSecret?: string };

function secret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  // Without the app secret (tests, dev): one per process; a restart only invalidates forms open at the time.
  globalForSecret.complaintFormSecret ??= randomBytes(32).toString("hex");
  return globalForSecret.complaintFormSecret;
}

function sign(issuedAt: number): string {
  return createHmac("sha256", secret()).update(`complaint-form:${issuedAt}`).digest("base64url");
}

export function issueFormToken(now = Date.now()): string {
  return `${now}.${sign(now)}`;
}

export type TokenCheck = "ok" | "too_fast" | "expired" | "invalid";

export function checkFormToken(token: string, now = Date.now()): TokenCheck {
  const [at, signature] = token.split(".");
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !signature) return "invalid";
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  if (now - issuedAt < MIN_FILL_MS) return "too_fast";
  if (now - issuedAt > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}

/** The hidden field: anything in it means a bot filled every input it found. */
export function isHoneypotFilled(value: string | null | undefined): boolean {
  return (value ?? "").trim().length > 0;
}
