/** Activities per page of an account's timeline: shared by the account page's prefetch and the client list. */
export const ACTIVITIES_PAGE_SIZE = 20;
