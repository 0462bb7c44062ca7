import { useTranslations } from "next-intl";

/** The CSV export of a list with the filters it shows: `/api/export/<list>?<params>` (empty values left out). */
export function exportUrl(
  list: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const qs = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") qs.set(name, String(value));
  }
  return exportUrlOf(list, qs.toString());
}

/** The export of a list whose filters live in the URL: the list's own query string. */
export function exportUrlOf(list: string, query: string): string {
  return query ? `/api/export/${list}?${query}` : `/api/export/${list}`;
}

/** "Export CSV": downloads what the list shows (the server streams it; the browser saves the file). */
export function ExportLink({ href, label }: { href: string; label?: string }) {
  const t = useTranslations("common");
  return (
    <a
      className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
      href={href}
      title={t("exportCsvHint")}
      download
    >
      {label ?? t("exportCsv")}
    </a>
  );
}
