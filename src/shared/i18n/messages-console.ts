// The server's refusals that only the console receives (catalogues/server-console.ts) join the
// German `server` catalogue. Imported by the console and by what produces them on the server
// (account and admin routes, reports), not by the phone's screens or its service worker.
import './messages-behind-lock';
import { de } from './messages';
import { serverConsole } from './catalogues/server-console';

Object.assign(de.server, serverConsole);
