import { Button } from "./button";
import type { PagedQuery } from "./data-table";

/**
 * "Load more" under a keyset-paginated list that is not a DataTable (DataTable has its own): nothing once the last
 * page is in, disabled while the next page loads (showing `loadingLabel`, when given, meanwhile).
 */
export function LoadMoreButton({
  query,
  label,
  loadingLabel,
}: {
  query: Pick<PagedQuery, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage">;
  label: string;
  loadingLabel?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage && loadingLabel ? loadingLabel : label}
    </Button>
  );
}
