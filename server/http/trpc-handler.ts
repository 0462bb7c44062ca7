// The tRPC fetch handler behind /api/trpc, made from its parts so tests (and the fuzz test) send real
// requests through exactly what the route serves. Mutations (POST) must come from the app's own pages: a
// request whose Origin is not the public origin or a TRUSTED_ORIGINS entry, or that carries none, is refused
// with 403 before anything runs (issue #11 §3). The REST API under /api/v1 is not served here and keeps its
// API-key rules.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import type { SessionUser } from "../context";
import { appRouter } from "../root";
import { clientAddressOf } from "../security/client-address";
import { isTrustedOrigin } from "../security/public-url";

export type TrpcHandlerDeps = {
  getDb: () => Db;
  getUser: (headers: Headers, db: Db) => Promise<SessionUser | null>;
};

export function createTrpcHandler(deps: TrpcHandlerDeps) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: 20,
      createContext: async ({ resHeaders }) => {
        if (req.method !== "GET" && !isTrustedOrigin(req.headers.get("origin"))) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "This request did not come from Ladder CRM's own pages, so it was refused.",
          });
        }
        const db = deps.getDb();
        return {
          db,
          user: await deps.getUser(req.headers, db),
          resHeaders,
          headers: req.headers,
          clientIp: clientAddressOf(req.headers),
        };
      },
    });
}
