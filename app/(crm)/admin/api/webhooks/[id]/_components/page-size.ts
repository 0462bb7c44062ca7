/** Deliveries per page on an endpoint's page: shared by the server page's prefetch and the client list (a constant
 * exported from a "use client" module reaches server code as a client reference, not a number). */
export const DELIVERIES_PAGE = 25;
