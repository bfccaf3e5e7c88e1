/**
 * Records per pull page. Bigger pages mean fewer round trips and fewer re-renders of live screens
 * during a first sync; 1,000 records (~0.5 MB) still arrive well within the transport's timeout
 * on a slow mobile connection. (A file of its own so the first-sync benchmark can import it.)
 */
export const PULL_PAGE_SIZE = 2_000;
