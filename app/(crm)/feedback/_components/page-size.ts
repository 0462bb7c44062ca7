// Page sizes of the listening pages, outside client modules so the server pages' prefetch can use them.
export const ADVOCATES_PAGE_SIZE = 25;
