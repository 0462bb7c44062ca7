import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/server";
import { appRouter } from "@/server/root";
import { clientAddressOf } from "@/server/security/client-address";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: 20,
    createContext: async ({ resHeaders }) => ({
      db: getDb(),
      user: await getSessionUser(req.headers),
      resHeaders,
      headers: req.headers,
      clientIp: clientAddressOf(req.headers),
    }),
  });

export { handler as GET, handler as POST };
