/** Rows per page of the review queue: shared by the server page's prefetch and the client list (a constant
 * exported from a "use client" module reaches server code as a client reference, not a number). */
export const QUEUE_PAGE = 25;
