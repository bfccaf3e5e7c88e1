// The German catalogues the lock screen (the first screen, issue 15 budget) needs none of: the
// features behind the lock, the shared rules and the server's refusals. They join the German
// catalogue when this module loads. Whatever renders or produces their messages imports it: the
// shell and the console (the roots of every screen), message.ts (so every rule, the service
// worker's sync and the server), and the few shared modules that call t() with such a key.
// The build refuses a first screen that names one of their keys (vite.config.ts).
import { de } from './messages';
import { cases } from './catalogues/cases';
import { appointments } from './catalogues/appointments';
import { network } from './catalogues/network';
import { team } from './catalogues/team';
import { privacy } from './catalogues/privacy';
import { rules } from './catalogues/rules';
import { server } from './catalogues/server';

Object.assign(de, { cases, appointments, network, team, privacy, rules, server });
