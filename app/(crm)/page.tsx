import { redirect } from "next/navigation";
import { currentUser } from "@/app/_trpc/server";
import { getDb } from "@/db/client";
import { executiveViewers } from "@/server/auth/executive-access";
import { homeFor } from "./_components/nav";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeFor(user.role, executiveViewers(getDb())) : "/sign-in");
}
