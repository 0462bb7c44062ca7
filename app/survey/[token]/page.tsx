import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { LocaleMessages } from "@/app/_components/intl/locale-messages";
import { LOCALE_COOKIE_NAME } from "@/app/_lib/locale-cookie";
import { getDb } from "@/db/client";
import type { Locale } from "@/db/schema";
import { parseLocale } from "@/i18n/locale";
import { getPublicSurvey } from "@/server/surveys/survey-answer.queries";
import { tokenInput } from "@/server/surveys/surveys.schemas";
import { SurveyForm } from "../_components/survey-form";
import { SurveyShell } from "../_components/survey-shell";

// One answer per link: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("survey");
  return { title: t("title"), robots: { index: false } };
}

function findSurvey(token: string) {
  if (!tokenInput.safeParse({ token }).success) return null;
  try {
    return getPublicSurvey(getDb(), token);
  } catch {
    return null;
  }
}

/**
 * The public answer page of a one-time survey link (issue #13 §2): no sign-in, in the language the survey was
 * sent in unless the visitor chose another with the switch, on a phone as on a desktop.
 */
export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const survey = findSurvey(token);
  const chosen = parseLocale((await cookies()).get(LOCALE_COOKIE_NAME)?.value);
  const locale: Locale = chosen ?? survey?.locale ?? "en";
  const t = await getTranslations({ locale, namespace: "survey" });
  return (
    <LocaleMessages locale={locale}>
      <SurveyShell locale={locale}>
        {survey === null ? (
          <Notice title={t("invalid.title")} body={t("invalid.body")} />
        ) : survey.state === "answered" ? (
          <Notice title={t("answered.title")} body={t("answered.body")} />
        ) : survey.state === "expired" ? (
          <Notice
            title={t("expired.title")}
            body={t("expired.body", { date: new Date(survey.expiresAt).toISOString().slice(0, 10) })}
          />
        ) : (
          <SurveyForm token={token} survey={survey} />
        )}
      </SurveyShell>
    </LocaleMessages>
  );
}

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <div className="space-y-2" role="status">
      <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{body}</p>
    </div>
  );
}
