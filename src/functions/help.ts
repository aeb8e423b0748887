/**
 * Where each function's @helpurl points: the function reference page that the build generates from
 * functions.json and serves beside the add-in (dist/help.html). Kept here so the address is written
 * once; the JSDoc tags repeat it literally because the metadata generator reads the comments only.
 */
export const HELP_PAGE = "https://localhost:3000/help.html";
