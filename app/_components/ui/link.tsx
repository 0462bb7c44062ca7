import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * `next/link` without prefetching, for every link in the app (biome refuses `next/link` elsewhere). Our pages are
 * dynamic and have no loading.js, so Next's viewport prefetch brings nothing a click can use, yet each visible link
 * cost the server a request: a list of 25 accounts and the menu made ~47 prefetches per view, 638 ms of server CPU
 * against 126 ms for the page itself (/accounts on the 100k bench database). A link may still ask for it.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
