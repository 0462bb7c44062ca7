import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/server";
import { appRouter } from "@/server/root";

export const dynamic = "force-dynamic";

/** The first address in the header the proxy sets (AUTH_IP_HEADER, x-forwarded-for by default). */
function clientIpOf(headers: Headers): string | null {
  const value = headers.get(process.env.AUTH_IP_HEADER ?? "x-forwarded-for");
  return value?.split(",")[0]?.trim() || null;
}

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
      clientIp: clientIpOf(req.headers),
    }),
  });

export { handler as GET, handler as POST };
