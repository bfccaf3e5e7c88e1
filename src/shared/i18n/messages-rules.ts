// The German texts of the shared rules and the server's refusals join the German catalogue when
// message.ts is loaded: whatever produces or renders such a message imports message.ts, and the lock
// screen (the first screen) needs none of them, so they stay out of its bundle.
import { de } from './messages';
import { rules } from './catalogues/rules';
import { server } from './catalogues/server';

Object.assign(de, { rules, server });
