/** Bureau codes appear in URLs, query strings and workflow search attributes, so they stay ASCII. */
export const BUREAU_CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export const BUREAU_NAME_MAX_LENGTH = 100;
