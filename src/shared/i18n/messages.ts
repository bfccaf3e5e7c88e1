// The German catalogues: the default language. Only those the lock screen (the first screen of
// every start) needs are in the first bundle; the others join `de` when messages-behind-lock.ts
// loads (with the shell, the console and message.ts), `fields` when field-labels.ts loads, and the
// console's part of `server` when messages-console.ts loads.
import { common } from './catalogues/common';
import { lock } from './catalogues/lock';
import { sync } from './catalogues/sync';
import type { cases } from './catalogues/cases';
import type { appointments } from './catalogues/appointments';
import type { network } from './catalogues/network';
import type { team } from './catalogues/team';
import type { privacy } from './catalogues/privacy';
import type { rules } from './catalogues/rules';
import type { server } from './catalogues/server';
import type { serverConsole } from './catalogues/server-console';
import type { fields } from './catalogues/fields';

const firstScreen = { common, lock, sync };

export const de = firstScreen as typeof firstScreen & {
  readonly cases: typeof cases;
  readonly appointments: typeof appointments;
  readonly network: typeof network;
  readonly team: typeof team;
  readonly privacy: typeof privacy;
  readonly rules: typeof rules;
  readonly server: typeof server & typeof serverConsole;
  readonly fields: typeof fields;
};
export type Catalogue = typeof de;
