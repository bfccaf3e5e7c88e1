// The admin CLI: team, user and device administration, with the same store selection as the
// server (DATA_DIR / DATABASE_URL). On the embedded database a running server is asked to run the
// command (admin-channel.ts), so only one process ever opens the data directory. The commands are
// listed in admin-commands.ts, one file each in commands/; `npm run admin -- --help` prints them.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Store } from '../store/store';
import { openStoreFromEnv } from '../store/open-store';
import { readAdminChannel, removeAdminChannel, runThroughServer } from './admin-channel';
import { readArguments, UsageError } from './admin-command';
import { adminCommands } from './admin-commands';
import { useErasureJournal } from '../ops/erasure-journal';
import { erasureJournalPath } from '../ops/backup-files';

export { UsageError };

export const USAGE = `Verwendung:
${adminCommands.map((command) => `  npm run admin -- ${command.usage}`).join('\n')}

Läuft der Server auf der eingebetteten Datenbank (DATA_DIR), übernimmt er den Befehl; sonst
öffnet das Programm die Datenbank selbst (DATABASE_URL: PostgreSQL).`;

/** Runs one admin command; returns the line to print. Throws a German error otherwise. */
export async function runAdmin(
  args: string[],
  store: Store,
  now = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const [noun, verb, ...rest] = args;
  const name = `${noun ?? ''} ${verb ?? ''}`;
  const command = adminCommands.find((candidate) => candidate.name === name);
  if (command) return command.run(readArguments(command, rest), { store, now, env });
  // A one-word command (`import`, `export`): everything after it is its arguments.
  const single = adminCommands.find((candidate) => candidate.name === noun);
  if (!single) throw new UsageError(`Unbekannter Befehl „${name.trim()}“.`);
  return single.run(readArguments(single, args.slice(1)), { store, now, env });
}

const HELP = new Set(['--help', '-h', 'help']);
/** Options that name a file: made absolute before the command runs (maybe in the server). */
const PATH_OPTIONS = new Set(['--file', '--to', '--from']);

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
  // Paths are the caller's: a running server (below) has its own working directory.
  args = args.map((arg, i) =>
    i > 0 && PATH_OPTIONS.has(args[i - 1]!)
      ? resolve(arg)
      : arg.replace(
          /^(--(?:file|to|from)=)(.+)$/,
          (_, flag: string, path: string) => flag + resolve(path),
        ),
  );
  const offline = adminCommands.find((command) => command.name === args[0] && command.withoutStore);
  if (offline) {
    try {
      out.log(await offline.withoutStore!(readArguments(offline, args.slice(1)), env, new Date()));
      return 0;
    } catch (error) {
      out.error(error instanceof Error ? error.message : String(error));
      if (error instanceof UsageError) out.error(USAGE);
      return 1;
    }
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
  // [B4] erasures the CLI makes (retention run) are journaled like the server's.
  useErasureJournal(erasureJournalPath(env));
  try {
    out.log(await runAdmin(args, store, new Date(), env));
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
