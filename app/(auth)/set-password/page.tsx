import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/app/_components/ui/button";
import { Link } from "@/app/_components/ui/link";
import { getDb } from "@/db/client";
import { findPasswordLink } from "@/server/auth/auth";
import { getAuth } from "@/server/auth/server";
import { AuthCard } from "../_components/auth-card";
import { SetPasswordForm } from "./set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("setPassword.resetTitle") };
}

/** Where invitation and reset links lead: choose a password with better-auth's one-time token. */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("auth.setPassword");
  const token = (await searchParams).token;
  const link = typeof token === "string" ? await findPasswordLink(getAuth(), getDb(), token) : null;
  if (!link || typeof token !== "string") {
    return (
      <AuthCard title={t("invalidTitle")} subtitle={t("invalidBody")}>
        <Link href="/forgot-password" className={buttonClass("primary", "md", "w-full")}>
          {t("requestNew")}
        </Link>
      </AuthCard>
    );
  }
  const invite = link.purpose === "invite";
  return (
    <AuthCard
      title={invite ? t("inviteTitle") : t("resetTitle")}
      subtitle={
        invite ? t("inviteSubtitle", { email: link.email }) : t("resetSubtitle", { email: link.email })
      }
    >
      <SetPasswordForm token={token} email={link.email} />
    </AuthCard>
  );
}
