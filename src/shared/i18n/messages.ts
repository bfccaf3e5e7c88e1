// The German catalogues of every feature: the default language, always in the first bundle.
import { common } from './catalogues/common';
import { cases } from './catalogues/cases';
import { appointments } from './catalogues/appointments';
import { network } from './catalogues/network';
import { sync } from './catalogues/sync';
import { team } from './catalogues/team';
import { lock } from './catalogues/lock';
import { privacy } from './catalogues/privacy';
import type { rules } from './catalogues/rules';
import type { server } from './catalogues/server';
import type { fields } from './catalogues/fields';

const firstScreen = { common, cases, appointments, network, sync, team, lock, privacy };
/**
 * `rules` and `server` are attached by messages-rules.ts (loaded with message.ts), `fields` by
 * field-labels.ts, not here.
 */
export const de = firstScreen as typeof firstScreen & {
  readonly rules: typeof rules;
  readonly server: typeof server;
  readonly fields: typeof fields;
};
export type Catalogue = typeof de;
