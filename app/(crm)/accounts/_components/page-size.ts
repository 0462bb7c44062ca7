/** Rows per page of the account page's orders card: shared by the server page's prefetch and the client list (a constant
 * exported from a "use client" module reaches server code as a client reference, not a number). */
export const ORDERS_PAGE_SIZE = 10;
