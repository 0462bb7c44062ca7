import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FieldError } from "./errors";
import { createTestDb } from "./test/harness";
import { createCallerFactory, publicProcedure, roleProcedure, router } from "./trpc";

// A tiny router exercising the real procedure builders and error formatter.
const testRouter = router({
  boom: publicProcedure.query(() => {
    throw new Error("SQLITE_ERROR: no such column: secret_column in SELECT * FROM accounts");
  }),
  named: publicProcedure
    .input(z.object({ name: z.string().min(1, "Name is required") }))
    .query(({ input }) => input),
  duplicate: publicProcedure.mutation(() => {
    throw new FieldError("CONFLICT", { externalRef: ["This reference is already used"] });
  }),
  leadsOnly: roleProcedure("sales_lead").query(() => "ok"),
});

const createCaller = createCallerFactory(testRouter);

/** Formats an error the way the HTTP adapter does, to see exactly what a browser would receive. */
function shapeOf(error: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: reaching the router's configured formatter
  const config = (testRouter as any)._def._config;
  return config.errorFormatter({
    error,
    type: "query",
    path: "x",
    input: undefined,
    ctx: undefined,
    shape: {
      message: (error as Error).message,
      code: -32603,
      data: { code: (error as TRPCError).code, httpStatus: 500, path: "x" },
    },
  });
}

describe("tRPC error handling", () => {
  it("never sends SQL or internals to the client for unexpected errors", async () => {
    const db = createTestDb();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await createCaller({ db, user: null })
      .boom()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const shape = shapeOf(error);
    expect(shape.message).toBe("Something went wrong on our side. The error has been logged.");
    expect(JSON.stringify(shape)).not.toMatch(/SQLITE|secret_column|SELECT/);
    expect(spy).toHaveBeenCalled(); // logged on the server instead
    spy.mockRestore();
  });

  it("turns bad input into BAD_REQUEST with a message per field", async () => {
    const db = createTestDb();
    const error = await createCaller({ db, user: null })
      .named({ name: "" })
      .catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(shapeOf(error).data.fieldErrors).toEqual({ name: ["Name is required"] });
  });

  it("passes domain field errors (duplicates) through with the field name", async () => {
    const db = createTestDb();
    const error = await createCaller({ db, user: null })
      .duplicate()
      .catch((e) => e);
    expect(error.code).toBe("CONFLICT");
    expect(shapeOf(error).data.fieldErrors).toEqual({ externalRef: ["This reference is already used"] });
  });

  it("refuses roles a procedure does not allow, and anonymous callers", async () => {
    const db = createTestDb();
    const base = { id: "u1", name: "U", email: "u@x", locale: "en" as const };
    await expect(
      createCaller({ db, user: { ...base, role: "executive" } }).leadsOnly(),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createCaller({ db, user: null }).leadsOnly()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(createCaller({ db, user: { ...base, role: "sales_lead" } }).leadsOnly()).resolves.toBe("ok");
  });
});
