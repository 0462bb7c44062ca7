import { getDb } from "@/db/client";
import { authFor, findSessionUser } from "@/server/auth/server";
import { createTrpcHandler } from "@/server/http/trpc-handler";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({
  getDb,
  getUser: (headers, db) => findSessionUser(authFor(db), db, headers),
});

export { handler as GET, handler as POST };
