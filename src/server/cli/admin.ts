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
import { pathToFileURL } from 'node:url';
import type { Store } from '../store/store';
import { openStoreFromEnv } from '../store/open-store';
import {
  createTeam,
  createUser,
  disableUser,
  listTeams,
  listUsers,
  roles,
  setPassword,
} from '../auth/accounts';
import { readAdminChannel, removeAdminChannel, runThroughServer } from './admin-channel';
import { listDevices, revokeDevice, type Device } from '../auth/devices';

export const USAGE = `Verwendung:
  npm run admin -- team add <name>
  npm run admin -- team list
  npm run admin -- user list --team <name>
  npm run admin -- user add --team <name> --email <email> --name <name> --role <${roles.join('|')}> --password <pw>
  npm run admin -- user passwd --email <email> --password <pw>
  npm run admin -- user disable --email <email>
  npm run admin -- device list --email <email>
  npm run admin -- device revoke --email <email> --device <deviceId>

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
    await setPassword(store, required(options, 'email'), required(options, 'password'));
    return `Passwort für ${required(options, 'email')} geändert.`;
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

async function main(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (args.length === 0 || HELP.has(args[0]!)) {
    console.log(USAGE);
    if (args.length === 0) process.exitCode = 1;
    return;
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
      if (answer.ok) return console.log(answer.output);
      console.error(answer.message);
      if (answer.usage) console.error(USAGE);
      process.exitCode = 1;
      return;
    }
    removeAdminChannel(dataDir);
  }
  const store = await openStoreFromEnv(env);
  try {
    console.log(await runAdmin(args, store));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
