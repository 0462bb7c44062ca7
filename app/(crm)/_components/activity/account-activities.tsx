"use client";

// PLACEHOLDER from feat-accounts so the account page builds on its own. The activities helper's real
// component replaces this file at merge; keep the export name and props.
import { useTranslations } from "next-intl";
import { Card } from "@/app/_components/ui/card";

export function AccountActivities(_props: {
  accountId: number;
  canLog: boolean;
  contacts: Array<{ id: number; name: string }>;
}) {
  const t = useTranslations("accounts.slots");
  return <Card title={t("activities")}>{null}</Card>;
}
