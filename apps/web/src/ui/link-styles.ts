/** The design system's text link: underlined, in the link blue, on every page alike. */
export const TEXT_LINK = 'text-blue-1000 underline underline-offset-4';
