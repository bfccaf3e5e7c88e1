// The German catalogues of every feature: the default language, always in the first bundle.
import { common } from './catalogues/common';
import { cases } from './catalogues/cases';
import { appointments } from './catalogues/appointments';
import { network } from './catalogues/network';
import { sync } from './catalogues/sync';
import { team } from './catalogues/team';
import { lock } from './catalogues/lock';
import { privacy } from './catalogues/privacy';

export const de = { common, cases, appointments, network, sync, team, lock, privacy };
export type Catalogue = typeof de;
