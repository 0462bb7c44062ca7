export const FOLLOW_UPS_PAGE_SIZE = 25;
