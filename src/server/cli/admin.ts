// Team and user administration, with the same store selection as the server (DATA_DIR /
// DATABASE_URL). On the embedded database a running server is asked to run the command
// (admin-channel.ts), so only one process ever opens the data directory:
//   npm run admin -- --help
//   npm run admin -- team add <name>
//   npm run admin -- team list
//   npm run admin -- user list --team <name>
//   npm run admin -- user add --team <name> --email <email> --name <name> --role <role> --password <pw>
//   npm run admin -- user passwd --email <email> --password <pw>
//   npm run admin -- user disable --email <email>
//   npm run admin -- device list --email <email>
//   npm run admin -- device revoke --email <email> --device <deviceId>
//   npm run admin -- team settings --team <name> [--retention-years <n>] [--legal-basis <basis>]
//                    [--reports-need-consent <ja|nein>] [--controller <text>] [--dpo <text>]
//   npm run admin -- retention run [--today YYYY-MM-DD]
import { pathToFileURL } from 'node:url';
import type { Store } from '../store/store';
import { openStoreFromEnv } from '../store/open-store';
import {
  createTeam,
  createUser,
  disableUser,
  findTeam,
  listTeams,
  listUsers,
  roles,
  setPassword,
} from '../auth/accounts';
import { readAdminChannel, removeAdminChannel, runThroughServer } from './admin-channel';
import { listDevices, revokeDevice, type Device } from '../auth/devices';
import { legalBases, type TeamSettings } from '../../shared/domain/team-settings';
import { HttpError } from '../http/api-error';
import { getTeamSettings, updateTeamSettings } from '../privacy/team-settings';
import { runRetention } from '../privacy/retention';

export const USAGE = `Verwendung:
  npm run admin -- team add <name>
  npm run admin -- team list
  npm run admin -- user list --team <name>
  npm run admin -- user add --team <name> --email <email> --name <name> --role <${roles.join('|')}> --password <pw>
  npm run admin -- user passwd --email <email> --password <pw>
  npm run admin -- user disable --email <email>
  npm run admin -- device list --email <email>
  npm run admin -- device revoke --email <email> --device <deviceId>
  npm run admin -- team settings --team <name> [--retention-years <1-10>] [--legal-basis <${legalBases.join('|')}>]
                   [--reports-need-consent <ja|nein>] [--controller <Name und Anschrift>] [--dpo <Kontakt>]
  npm run admin -- retention run [--today YYYY-MM-DD]

Läuft der Server auf der eingebetteten Datenbank (DATA_DIR), übernimmt er den Befehl; sonst
öffnet das Programm die Datenbank selbst (DATABASE_URL: PostgreSQL).`;

export class UsageError extends Error {}

/** Runs one admin command; returns the line to print. Throws a German error otherwise. */
export async function runAdmin(args: string[], store: Store, now = new Date()): Promise<string> {
  const [noun, verb, ...rest] = args;
  const command = `${noun ?? ''} ${verb ?? ''}`;
  if (command === 'team add') {
    const name = rest.join(' ').trim();
    if (!name) throw new UsageError('Bitte einen Teamnamen angeben.');
    const team = await createTeam(store, name, now);
    return `Team „${team.name}“ angelegt.`;
  }
  if (command === 'team list') {
    if (rest.length > 0) throw new UsageError(`Unerwartete Angabe „${rest[0]}“.`);
    const teams = await listTeams(store);
    if (teams.length === 0) return 'Noch keine Teams.';
    return teams
      .map(({ name, accounts }) => `${name}  (${accounts} ${accounts === 1 ? 'Konto' : 'Konten'})`)
      .join('\n');
  }
  if (command === 'team settings') return teamSettings(parseOptions(rest), store, now);
  if (command === 'retention run') return retention(parseOptions(rest), store, now);
  if (
    ![
      'user add',
      'user list',
      'user passwd',
      'user disable',
      'device list',
      'device revoke',
    ].includes(command)
  ) {
    throw new UsageError(`Unbekannter Befehl „${command.trim()}“.`);
  }
  const options = parseOptions(rest);
  if (command === 'user list') {
    const users = await listUsers(store, required(options, 'team'));
    if (users.length === 0) return 'Keine Konten in diesem Team.';
    return users
      .map((u) => [u.email, u.name, u.role, ...(u.disabled ? ['deaktiviert'] : [])].join('  '))
      .join('\n');
  }
  if (command === 'device list') {
    const email = required(options, 'email');
    const devices = await listDevices(store, email);
    if (devices.length === 0) return `Keine Geräte für ${email}.`;
    return devices.map(deviceLine).join('\n');
  }
  if (command === 'device revoke') {
    const deviceId = required(options, 'device');
    await revokeDevice(store, required(options, 'email'), deviceId, now);
    return `Gerät ${deviceId} gesperrt; es löscht seine Daten bei der nächsten Verbindung.`;
  }
  if (command === 'user add') {
    const user = await createUser(
      store,
      {
        teamName: required(options, 'team'),
        email: required(options, 'email'),
        name: required(options, 'name'),
        role: required(options, 'role'),
        password: required(options, 'password'),
      },
      now,
    );
    return `Konto ${user.email} (${user.role}) angelegt.`;
  }
  if (command === 'user passwd') {
    // Set for someone else: a one-time password, replaced at the next sign-in (issue 14).
    await setPassword(store, required(options, 'email'), required(options, 'password'), {
      oneTime: true,
    });
    return `Passwort für ${required(options, 'email')} geändert. Es gilt nur für die nächste Anmeldung: dabei muss ein neues Passwort festgelegt werden.`;
  }
  await disableUser(store, required(options, 'email'), now);
  return `Konto ${required(options, 'email')} deaktiviert; alle Sitzungen sind beendet und alle Geräte gesperrt.`;
}

/** `<id>  <name>  zuletzt gesehen <UTC>` (+ since when it is revoked): one line per device. */
function deviceLine(device: Device): string {
  const parts = [
    device.deviceId,
    device.name || '(ohne Namen)',
    `zuletzt gesehen ${utc(device.lastSeenAt)}`,
  ];
  if (device.revokedAt) parts.push(`gesperrt seit ${utc(device.revokedAt)}`);
  return parts.join('  ');
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

async function teamSettings(
  options: Map<string, string>,
  store: Store,
  now: Date,
): Promise<string> {
  const name = required(options, 'team');
  const team = await findTeam(store, name);
  if (!team) throw new UsageError(`Das Team „${name}“ gibt es nicht.`);
  const change: Record<string, unknown> = {};
  for (const [flag, value] of options) {
    if (flag === 'team') continue;
    if (flag === 'retention-years') change.retentionYears = Number(value);
    else if (flag === 'legal-basis') change.legalBasis = value;
    else if (flag === 'reports-need-consent') change.reportsNeedConsent = yesNo(value);
    else if (flag === 'controller') change.controller = value;
    else if (flag === 'dpo') change.dataProtectionOfficer = value;
    else throw new UsageError(`Unbekannte Einstellung „--${flag}“.`);
  }
  let settings: TeamSettings;
  try {
    settings =
      Object.keys(change).length === 0
        ? await getTeamSettings(store, team.id)
        : await updateTeamSettings(store, team.id, change, now);
  } catch (error) {
    if (error instanceof HttpError) throw new UsageError(error.message);
    throw error;
  }
  return [
    `Einstellungen des Teams „${team.name}“:`,
    `  Aufbewahrungsfrist:        ${settings.retentionYears} Jahre nach Abschluss`,
    `  Rechtsgrundlage:           ${settings.legalBasis === 'consent' ? 'Einwilligung (consent, Art. 6 Abs. 1 lit. a DSGVO)' : 'öffentliche Aufgabe (public_task, Art. 6 Abs. 1 lit. e DSGVO)'}`,
    `  Berichte nur mit Einwilligung: ${settings.reportsNeedConsent ? 'ja' : 'nein'}`,
    `  Verantwortliche Stelle:    ${settings.controller ?? '(nicht eingetragen)'}`,
    `  Datenschutzbeauftragte:    ${settings.dataProtectionOfficer ?? '(nicht eingetragen)'}`,
  ].join('\n');
}

async function retention(options: Map<string, string>, store: Store, now: Date): Promise<string> {
  for (const flag of options.keys())
    if (flag !== 'today') throw new UsageError(`Unerwartete Angabe „--${flag}“.`);
  const today = options.get('today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError('Bitte das Datum als JJJJ-MM-TT angeben, z. B. --today 2030-01-31.');
  if (today !== undefined && !isCalendarDay(today))
    throw new UsageError(`„${today}“ ist kein gültiges Datum.`);
  const outcome = await runRetention(store, { now, ...(today ? { today } : {}) });
  if (!outcome.ran)
    return 'Die Aufbewahrungsprüfung läuft gerade auf einer anderen Server-Instanz; nichts getan.';
  const cases = outcome.cases === 1 ? '1 Fall' : `${outcome.cases} Fälle`;
  const records = outcome.records === 1 ? '1 Eintrag' : `${outcome.records} Einträge`;
  return `Aufbewahrungsfristen geprüft${today ? ` (Stichtag ${today})` : ''}: ${cases} gelöscht (${records}).`;
}

/** `Date.parse` rolls 2030-02-31 over to March; a real day survives the round trip. */
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

function yesNo(value: string): boolean {
  if (['ja', 'yes', 'true', '1'].includes(value.toLowerCase())) return true;
  if (['nein', 'no', 'false', '0'].includes(value.toLowerCase())) return false;
  throw new UsageError(`Bitte „ja“ oder „nein“ angeben, nicht „${value}“.`);
}

function parseOptions(args: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (!flag.startsWith('--') || value === undefined)
      throw new UsageError(`Unerwartete Angabe „${flag}“.`);
    options.set(flag.slice(2), value);
  }
  return options;
}

function required(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (!value) throw new UsageError(`Bitte --${name} angeben.`);
  return value;
}

const HELP = new Set(['--help', '-h', 'help']);

/** Where the CLI writes: the console when run as a program, a buffer in tests. */
export interface AdminOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * The program: runs one command (through a running server on the embedded database, else on the
 * store itself) and returns the exit code. `npm run admin` calls it with the process's argv, env
 * and console; tests call it in-process with their own env and a buffer.
 */
export async function main(
  args: string[],
  env: NodeJS.ProcessEnv,
  out: AdminOutput = console,
): Promise<number> {
  if (args.length === 0 || HELP.has(args[0]!)) {
    out.log(USAGE);
    return args.length === 0 ? 1 : 0;
  }
  if (!env.DATABASE_URL) {
    const dataDir = env.DATA_DIR || './data';
    const channel = readAdminChannel(dataDir);
    if (channel) {
      // A server holds the embedded database: it runs the command, and it takes effect at once.
      const answer = await runThroughServer(channel, args).catch((error: unknown) => {
        throw new Error(
          `Der Server (Prozess ${channel.pid}) hält die Datenbank in ${dataDir}, ist aber nicht erreichbar: ${
            error instanceof Error ? error.message : String(error)
          }. Bitte den Server beenden oder erneut versuchen.`,
        );
      });
      if (answer.ok) {
        out.log(answer.output);
        return 0;
      }
      out.error(answer.message);
      if (answer.usage) out.error(USAGE);
      return 1;
    }
    removeAdminChannel(dataDir);
  }
  const store = await openStoreFromEnv(env);
  try {
    out.log(await runAdmin(args, store));
    return 0;
  } catch (error) {
    out.error(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) out.error(USAGE);
    return 1;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
