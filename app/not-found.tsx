import { getTranslations } from "next-intl/server";
import { ButtonLink } from "./_components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">{t("states.notFound")}</h1>
      <p className="mt-2 text-sm text-slate-500">{t("states.notFoundBody")}</p>
      <ButtonLink href="/" className="mt-6" variant="secondary">
        {t("actions.back")}
      </ButtonLink>
    </main>
  );
}
