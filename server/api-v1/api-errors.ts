// The REST API's errors (issue #15 §2): JSON with a stable code a client can branch on, a sentence for a
// person, and the field at fault when there is one. Domain refusals (TRPCError, FieldError) are mapped here so
// the route layer never invents a second meaning for them; anything unexpected is a bare "internal_error".
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { BUSY_MESSAGE, FieldError, isBusy } from "../errors";

export const API_ERROR_CODES = {
  invalid_json: 400,
  missing_api_key: 401,
  invalid_api_key: 401,
  revoked_api_key: 401,
  expired_api_key: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  busy: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export type ApiErrorDetail = { field: string; code: string; message: string };

export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; field?: string; details?: ApiErrorDetail[] };
};

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly details: ApiErrorDetail[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { field?: string; details?: ApiErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.field = extra.field;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
  }
  get status(): number {
    return API_ERROR_CODES[this.code];
  }
  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** "orders[3].amount" from zod's path ["orders", 3, "amount"]; a leading prefix says where the value came from. */
export function fieldPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function validationError(error: z.ZodError, prefix = ""): ApiError {
  const details = error.issues.slice(0, 50).map((issue) => ({
    field: fieldPath(issue.path, prefix) || "(body)",
    code: issue.code,
    message: issue.message,
  }));
  const first = details[0];
  return new ApiError(
    "validation_failed",
    first ? `${first.field}: ${first.message}` : "The request is not valid.",
    { field: first?.field, details },
  );
}

/** A domain refusal as the API's error; null for anything that is not one (a bug: answered as internal_error). */
/** A write that met another connection's write lock past the bound (an import): try again shortly. */
export function busyError(): ApiError {
  return new ApiError("busy", BUSY_MESSAGE, { headers: { "retry-after": "5" } });
}

export function fromDomainError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (isBusy(error)) return busyError();
  if (error instanceof FieldError) {
    const details = Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
      messages.map((message) => ({
        field,
        code: error.code === "CONFLICT" ? "conflict" : "invalid",
        message,
      })),
    );
    return new ApiError(error.code === "CONFLICT" ? "conflict" : "validation_failed", error.message, {
      field: details[0]?.field,
      details,
    });
  }
  if (error instanceof TRPCError) {
    switch (error.code) {
      case "NOT_FOUND":
        return new ApiError("not_found", error.message);
      case "FORBIDDEN":
      case "UNAUTHORIZED":
        return new ApiError("forbidden", error.message);
      case "CONFLICT":
        return new ApiError("conflict", error.message);
      case "BAD_REQUEST":
        return new ApiError("validation_failed", error.message);
      case "TOO_MANY_REQUESTS":
        return new ApiError("rate_limited", error.message);
      case "SERVICE_UNAVAILABLE":
        return busyError();
      default:
        return null;
    }
  }
  return null;
}
