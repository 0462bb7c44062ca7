import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/card";

/** Shown when a page's action is not open to the user's role (the server refuses the call anyway). */
export async function Forbidden() {
  const t = await getTranslations("common");
  const tList = await getTranslations("accounts.detail");
  return (
    <EmptyState
      title={t("states.forbidden")}
      action={
        <ButtonLink variant="secondary" href="/accounts">
          {tList("backToList")}
        </ButtonLink>
      }
    />
  );
}
