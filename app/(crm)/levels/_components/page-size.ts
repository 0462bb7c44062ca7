/** Rows per page of the level mismatch list: shared by the server page's prefetch and the client list (a constant
 * exported from a "use client" module reaches server code as a client reference, not a number). */
export const MISMATCH_PAGE = 50;
