import { Button } from "./button";
import type { PagedQuery } from "./data-table";

/**
 * "Load more" under a keyset-paginated list that is not a DataTable (DataTable has its own): nothing once the last
 * page is in, disabled while the next page loads (showing `loadingLabel`, when given, meanwhile). A wrapper around it
 * can hide itself with `empty:hidden` once the button is gone.
 */
export function LoadMoreButton({
  query,
  label,
  loadingLabel,
  size,
  className,
}: {
  query: Pick<PagedQuery, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage">;
  label: string;
  loadingLabel?: string;
  size?: "sm";
  className?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      size={size}
      className={className}
      onClick={() => query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
    >
      {query.isFetchingNextPage && loadingLabel ? loadingLabel : label}
    </Button>
  );
}
