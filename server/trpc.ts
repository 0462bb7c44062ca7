// tRPC core: context, error masking and the procedure builders that carry authorization.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Role } from "@/db/schema";
import type { Context } from "./context";
import { FieldError } from "./errors";

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
    }
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

const logUnexpected = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[trpc] ${path} failed:`, result.error.cause ?? result.error);
  }
  return result;
});

export const publicProcedure = t.procedure.use(logUnexpected);

/** Signed in, with an active user. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Signed in with one of the given roles; everyone else gets FORBIDDEN. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}
