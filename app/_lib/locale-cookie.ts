export const LOCALE_COOKIE_NAME = "ladder_locale";
