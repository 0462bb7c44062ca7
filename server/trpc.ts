// tRPC core: context, error masking and the procedure builders that carry authorization.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Role } from "@/db/schema";
import { waitForWriteLock, writeLockFree } from "@/db/write-wait";
import type { Context } from "./context";
import { busy, FieldError, isBusy } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    let fieldErrors: Record<string, string[]> | undefined;
    let message = shape.message;
    if (error.cause instanceof ZodError) {
      fieldErrors = z.flattenError(error.cause).fieldErrors as Record<string, string[]>;
      message = error.cause.issues
        .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
    } else if (error instanceof FieldError) {
      fieldErrors = error.fieldErrors;
    }
    // Unexpected errors (SQL, bugs) never reach the browser: log them here, send a plain sentence.
    if (error.code === "INTERNAL_SERVER_ERROR") {
      message = "Something went wrong on our side. The error has been logged.";
    } else {
      message = plainMessage(error, message);
    }
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

/**
 * tRPC passes on the message of whatever failed while reading a request (JSON.parse, superjson's meta, a null
 * body): JavaScript's own text ("Cannot destructure property 'json'…", "Maximum call stack size exceeded").
 * Those become plain sentences; messages the app wrote itself (TRPCErrors without a cause, zod's field
 * messages) stay.
 */
function plainMessage(error: TRPCError, message: string): string {
  if (error instanceof FieldError || error.cause instanceof ZodError) return message;
  const cause = error.cause;
  const fromJavaScript = cause instanceof Error && !(cause instanceof TRPCError);
  if (error.code === "PARSE_ERROR" || (error.code === "BAD_REQUEST" && fromJavaScript)) {
    return "The request could not be read. Please reload the page and try again.";
  }
  if (error.code === "NOT_FOUND" && message.startsWith("No procedure found"))
    return "There is nothing at this address.";
  if (error.code === "METHOD_NOT_SUPPORTED") return "This kind of request is not accepted here.";
  if (fromJavaScript) return "The request could not be completed.";
  return message;
}

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Before a write: while another connection (an import, a backup) holds the write lock, the write waits for it
 * with a timer (db/write-wait.ts: the server answers other requests meanwhile), at most WRITE_WAIT_MS (120 s);
 * past that it is refused with 503 "busy, try again" and writes nothing. Reads never wait (WAL).
 */
async function waitToWrite(ctx: Context, type: string): Promise<void> {
  if (type !== "mutation" || writeLockFree(ctx.db.$client)) return;
  if (!(await waitForWriteLock(ctx.db))) throw busy();
}

/**
 * After a procedure: a write that still met a busy database (another connection took the lock in the instant
 * between the wait and the write, and SQLite's busy_timeout, 5 s, ran out) becomes 503 "busy, try again" —
 * the client retries once — and any other unexpected error is logged (the formatter sends a plain sentence).
 */
function afterCall(path: string, result: { ok: boolean; error?: TRPCError }): void {
  if (result.ok || result.error?.code !== "INTERNAL_SERVER_ERROR") return;
  if (isBusy(result.error.cause)) throw busy();
  console.error(`[trpc] ${path} failed:`, result.error.cause ?? result.error);
}

const logUnexpected = t.middleware(async ({ ctx, next, path, type }) => {
  await waitToWrite(ctx, type);
  const result = await next();
  afterCall(path, result as { ok: boolean; error?: TRPCError });
  return result;
});

export const publicProcedure = t.procedure.use(logUnexpected);

// One middleware per procedure: signing in, the role check and the error log in a single step (each extra
// middleware costs an async hop on every call; the bench measures tRPC against the raw SQL).
function guard(roles: readonly Role[] | ((ctx: Context) => readonly Role[]) | null) {
  return t.middleware(async ({ ctx, next, path, type }) => {
    const user = ctx.user;
    if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    const allowed = typeof roles === "function" ? roles(ctx) : roles;
    if (allowed && !allowed.includes(user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    await waitToWrite(ctx, type);
    const result = await next({ ctx: { ...ctx, user } });
    afterCall(path, result as { ok: boolean; error?: TRPCError });
    return result;
  });
}

/** Signed in, with an active user. */
export const authedProcedure = t.procedure.use(guard(null));

/** Signed in with one of the roles a setting names (read per call); everyone else gets FORBIDDEN. */
export function settingRoleProcedure(rolesOf: (ctx: Context) => readonly Role[]) {
  return t.procedure.use(guard(rolesOf));
}

/** Signed in with one of the given roles; everyone else gets FORBIDDEN. */
export function roleProcedure(...roles: Role[]) {
  return t.procedure.use(guard(roles));
}
