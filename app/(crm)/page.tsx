import { redirect } from "next/navigation";
import { homeFor } from "@/app/_lib/nav";
import { currentUser } from "@/app/_trpc/server";
import { getDb } from "@/db/client";
import { executiveViewers } from "@/server/auth/executive-access";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeFor(user.role, executiveViewers(getDb())) : "/sign-in");
}
