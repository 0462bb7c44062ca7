/** Rows per page of the account page's orders card: shared by the server page's prefetch and the client list (a constant
 * exported from a "use client" module reaches server code as a client reference, not a number). */
export const ORDERS_PAGE_SIZE = 10;

/** The account page's deals card: the account's ten latest deals, whoever owns them. */
export function accountDealsInput(accountId: number) {
  return { accountId, ownerId: "all", limit: 10, status: null, q: null };
}

/** Complaints shown on the account page. */
export const ACCOUNT_COMPLAINTS_LIMIT = 10;
