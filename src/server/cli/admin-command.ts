// What one admin command is: its words, its usage line, the options it takes and what it does.
// A new command is one file in commands/ that exports such an object, plus its line in
// admin-commands.ts. Arguments are read with node:util's parseArgs; every refusal is German.
import { parseArgs } from 'node:util';
import type { Store } from '../store/store';

/** A mistake in how the command was called: the CLI prints the usage after the message. */
export class UsageError extends Error {}

/** What a command runs against: the store (the server's own when it runs the command) and now. */
export interface AdminContext {
  store: Store;
  now: Date;
  /** The environment of the process that runs it (the server's, when a server runs it). */
  env?: NodeJS.ProcessEnv;
}

/** The arguments after the command's two words, read against its options. */
export interface AdminInput<O extends string> {
  /** `--name value` or `--name=value`; absent when not given. */
  options: Partial<Record<O, string>>;
  /** Words that are not options (only for a command with `words: true`). */
  words: string[];
}

export interface AdminCommand<O extends string = string> {
  /** The words that name it: two (`team add`) or one (`import`). */
  name: string;
  /** Its usage after `npm run admin -- `; continuation lines are indented by the caller's text. */
  usage: string;
  /** The options it takes, each with a value. Any other option is refused. */
  options?: readonly O[];
  /** Options without a value (`--dry-run`): present as `'ja'` when given. */
  flags?: readonly O[];
  /** Takes free words (`team add <name>`) instead of refusing them. */
  words?: boolean;
  /** The refusal of an option it does not know (default: „Unerwartete Angabe …“). */
  unknownOption?: (flag: string) => string;
  /** Runs the command; returns what to print. Throws a German error when it refuses. */
  run(input: AdminInput<O>, context: AdminContext): Promise<string>;
  /**
   * A command that must not open the database (restore fills an empty one): run by the CLI itself,
   * never by a running server, with the environment instead of a store. `run` is then not used.
   */
  withoutStore?: (input: AdminInput<O>, env: NodeJS.ProcessEnv, now: Date) => Promise<string>;
}

/** Keeps the option names of a command literal, so `run` only reads options it declared. */
export function defineCommand<const O extends string = never>(
  command: AdminCommand<O>,
): AdminCommand<O> {
  return command;
}

/** Reads a command's arguments: each option once with a value, words only where it takes them. */
export function readArguments<O extends string>(
  command: AdminCommand<O>,
  args: string[],
): AdminInput<O> {
  const flags = new Set<string>(command.flags ?? []);
  const known = new Set<string>([...(command.options ?? []), ...flags]);
  const { tokens } = parseArgs({
    args,
    options: Object.fromEntries(
      [...known].map((name) => [
        name,
        { type: flags.has(name) ? ('boolean' as const) : ('string' as const) },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const options: Partial<Record<string, string>> = {};
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!command.words) throw new UsageError(`Unerwartete Angabe „${token.value}“.`);
      words.push(token.value);
    } else if (token.kind === 'option') {
      if (!known.has(token.name))
        throw new UsageError(
          command.unknownOption?.(token.rawName) ?? `Unerwartete Angabe „${token.rawName}“.`,
        );
      if (flags.has(token.name)) {
        if (token.value !== undefined) throw new UsageError(`„${token.rawName}“ steht ohne Wert.`);
        options[token.name] = 'ja';
        continue;
      }
      if (token.value === undefined) throw new UsageError(`Unerwartete Angabe „${token.rawName}“.`);
      options[token.name] = token.value;
    } else if (command.words) {
      // `--` ends the options: what follows are words, even when they start with a dash.
      continue;
    } else {
      throw new UsageError('Unerwartete Angabe „--“.');
    }
  }
  return { options: options as Partial<Record<O, string>>, words };
}

/** The value of an option the command cannot do without. */
export function required<O extends string>(options: Partial<Record<O, string>>, name: O): string {
  const value = options[name];
  if (!value) throw new UsageError(`Bitte --${name} angeben.`);
  return value;
}
