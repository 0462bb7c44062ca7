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

function sign(issuedAt: number, nonce: string): string {
  return createHmac("sha256", secret()).update(`complaint-form:${issuedAt}:${nonce}`).digest("base64url");
}

/** `issuedAt.nonce.signature`: the nonce makes every form's token different, so each can be used once. */
export function issueFormToken(now = Date.now()): string {
  const nonce = randomBytes(9).toString("base64url");
  return `${now}.${nonce}.${sign(now, nonce)}`;
}

export type TokenCheck = "ok" | "too_fast" | "expired" | "invalid";

/** When a token issued at `token`'s time stops being accepted (for keeping a used token until then). */
export function formTokenExpiry(token: string): number {
  return Number(token.split(".")[0]) + MAX_FORM_AGE_MS;
}

export function checkFormToken(token: string, now = Date.now()): TokenCheck {
  const [at, nonce, signature] = token.split(".");
  const issuedAt = Number(at);
  if (!Number.isSafeInteger(issuedAt) || !nonce || !signature) return "invalid";
  const expected = Buffer.from(sign(issuedAt, nonce));
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
