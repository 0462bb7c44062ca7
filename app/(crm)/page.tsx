import { redirect } from "next/navigation";
import { currentUser } from "@/app/_trpc/server";
import { homeFor } from "./_components/nav";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeFor(user.role) : "/sign-in");
}
