import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type ActivityItem = Outputs["activities"]["listForAccount"]["items"][number];
export type AccountTask = Outputs["tasks"]["listForAccount"]["items"][number];
export type FollowUpsPage = Outputs["tasks"]["myFollowUps"];
export type FollowUp = FollowUpsPage["items"][number];
