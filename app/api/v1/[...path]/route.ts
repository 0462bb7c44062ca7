import { getDb } from "@/db/client";
import { createApiV1Handler } from "@/server/api-v1/api-v1.handler";

export const dynamic = "force-dynamic";

const handler = createApiV1Handler({ getDb });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
