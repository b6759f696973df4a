// The command line of every entry point (src/cli/*.ts, bench/*.ts): parseCommand() runs first, before any work.
// --help / -h prints the usage to stdout and exits 0; an unknown option, a missing value, an extra argument or a
// bad value prints one line `<name>: <problem>` and the usage to stderr and exits 2 (never a stack trace).
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, type Stats, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Turns the raw text of `label` (`--port`, `<docs-dir>`) into a value, or throws a UsageError. */
export type Parser<T> = (raw: string, label: string) => T;

export class UsageError extends Error {}

interface Described {
  /** One line for the usage text. */
  help: string;
  /** What the usage shows as the default when it is not `default` itself (a computed path, "all pages"). */
  defaultText?: string;
}
export interface StringOption<T = unknown> extends Described {
  type: 'string';
  /** The placeholder in the usage text: `--port <port>`. */
  value?: string;
  default?: string;
  parse?: Parser<T>;
}
export interface BooleanOption extends Described {
  type: 'boolean';
}
export type OptionSpec = StringOption | BooleanOption;
export interface PositionalSpec extends Described {
  name: string;
  default?: string;
  parse?: Parser<string>;
}

export interface CommandSpec<O extends Record<string, OptionSpec>, P extends readonly PositionalSpec[]> {
  /** The npm script (`serve`, `bench:spec`): the prefix of every error line. */
  name: string;
  /** The command line, printed as is: `usage: npm run serve -- [--port 8080] …`. */
  usage: string;
  /** One sentence on what the command does. */
  summary: string;
  options: O;
  /** The positional arguments it takes, in order, all optional; any further one is an error. */
  positionals?: P;
}

type ValueOf<S> = S extends BooleanOption
  ? boolean
  : (S extends { parse: Parser<infer T> } ? T : string) | (S extends { default: string } ? never : undefined);
export type Values<O> = { -readonly [K in keyof O]: ValueOf<O[K]> };
export type Positionals<P> = {
  -readonly [I in keyof P]: string | (P[I] extends { default: string } ? never : undefined);
};

export type Outcome<O, P> =
  | { kind: 'ok'; values: Values<O>; positionals: Positionals<P> }
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string };

/** The command line as the command sees it: exits 0 after --help, 2 after a usage error (see interpret()). */
export function parseCommand<
  const O extends Record<string, OptionSpec>,
  const P extends readonly PositionalSpec[] = readonly [],
>(
  spec: CommandSpec<O, P>,
  argv: readonly string[] = process.argv.slice(2),
): { values: Values<O>; positionals: Positionals<P> } {
  const outcome = interpret(spec, argv);
  if (outcome.kind === 'ok') return outcome;
  (outcome.kind === 'help' ? process.stdout : process.stderr).write(outcome.text);
  process.exit(outcome.kind === 'help' ? 0 : 2);
}

/** parseCommand() without the exit: what a command line means, or the text to print and why. */
export function interpret<
  const O extends Record<string, OptionSpec>,
  const P extends readonly PositionalSpec[] = readonly [],
>(spec: CommandSpec<O, P>, argv: readonly string[]): Outcome<O, P> {
  const config = {
    args: [...argv],
    allowPositionals: true,
    options: {
      ...Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }])),
      help: { type: 'boolean', short: 'h' },
    },
  } as const;
  // --help wins over whatever else is on the line (an unknown option, `--port --help`), up to a `--`.
  const end = argv.indexOf('--');
  if (argv.slice(0, end < 0 ? argv.length : end).some((arg) => arg === '--help' || arg === '-h')) return help(spec);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (error) {
    return failure(spec, problemOf(error));
  }
  if (parsed.values.help) return help(spec);
  try {
    const values: Record<string, unknown> = {};
    for (const [name, option] of Object.entries(spec.options)) {
      const raw = parsed.values[name];
      if (option.type === 'boolean') values[name] = raw === true;
      else {
        const text = typeof raw === 'string' ? raw : option.default;
        if (text !== undefined) values[name] = option.parse ? option.parse(text, `--${name}`) : text;
      }
    }
    const specs = spec.positionals ?? [];
    const extra = parsed.positionals[specs.length];
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    const positionals = specs.map((p, i) => {
      const raw = parsed.positionals[i] ?? p.default;
      return raw !== undefined && p.parse ? p.parse(raw, `<${p.name}>`) : raw;
    });
    return { kind: 'ok', values: values as Values<O>, positionals: positionals as Positionals<P> };
  } catch (error) {
    if (error instanceof UsageError) return failure(spec, error.message);
    throw error;
  }
}

/** The usage: the command line, the summary, one line per argument and option with its default. */
export function usageText(spec: CommandSpec<Record<string, OptionSpec>, readonly PositionalSpec[]>): string {
  const rows: [string, Described & { default?: string }][] = [
    ...(spec.positionals ?? []).map((p): [string, PositionalSpec] => [`<${p.name}>`, p]),
    ...Object.entries(spec.options).map(([name, o]): [string, OptionSpec] => [
      `--${name}${o.type === 'string' ? ` <${o.value ?? name}>` : ''}`,
      o,
    ]),
    ['-h, --help', { help: 'print this usage and exit' }],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, d]) => {
    const shown = d.defaultText ?? d.default;
    return `  ${label.padEnd(width)}${d.help}${shown === undefined ? '' : ` (default: ${shown})`}`;
  });
  return `${spec.usage}\n${spec.summary}\n${lines.join('\n')}\n`;
}

function help(spec: CommandSpec<Record<string, OptionSpec>, readonly PositionalSpec[]>): {
  kind: 'help';
  text: string;
} {
  return { kind: 'help', text: usageText(spec) };
}

function failure(
  spec: CommandSpec<Record<string, OptionSpec>, readonly PositionalSpec[]>,
  problem: string,
): { kind: 'error'; text: string } {
  return { kind: 'error', text: `${spec.name}: ${problem}\n${usageText(spec)}` };
}

/** parseArgs' error as one short line (its own messages run to three lines and suggest `--` placements). */
function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take/.test(message)) return `${option} takes no value`;
    if (/ambiguous/.test(message)) return `${option} needs a value (one that starts with '-': ${option}=<value>)`;
    return `${option} needs a value`;
  }
  return message.split('\n')[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Value parsers shared by the commands

/** A TCP port, 0–65535 (0: any free port). */
export const port: Parser<number> = (raw, label) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) throw new UsageError(`${label} must be a port number (0-65535), got '${raw}'`);
  return n;
};

/** A port that has to be the one given (the command prints its URL without asking the listener): 1–65535. */
export const fixedPort: Parser<number> = (raw, label) => {
  const n = port(raw, label);
  if (n === 0) throw new UsageError(`${label} must be a port number (1-65535), got '${raw}'`);
  return n;
};

/** A number of bytes: a non-negative integer. */
export const byteCount: Parser<number> = (raw, label) => {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n))
    throw new UsageError(`${label} must be a number of bytes, got '${raw}'`);
  return n;
};

/** A count of things or seconds: a number above zero (integer: whole ones only). */
export function positiveNumber({ integer }: { integer: boolean }): Parser<number> {
  return (raw, label) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new UsageError(`${label} must be a ${integer ? 'whole ' : ''}number above 0, got '${raw}'`);
    return n;
  };
}

/** `--root <dir>`: the project a command works on, laid out as this one (spec/<api>/sources.yaml). */
export function rootOption(help: string) {
  return { type: 'string', value: 'dir', parse: existingDir, defaultText: 'this project', help } as const;
}

/** A path that names an existing directory (returned as given). */
export const existingDir: Parser<string> = (raw, label) => existing(raw, label, 'directory');

/** A path that names an existing file (returned as given). */
export const existingFile: Parser<string> = (raw, label) => existing(raw, label, 'file');

function existing(raw: string, label: string, kind: 'file' | 'directory'): string {
  let stat: Stats;
  try {
    stat = statSync(raw);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${error})`;
    throw new UsageError(`${label} must be an existing ${kind}; ${raw} ${why}`);
  }
  if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile())
    throw new UsageError(`${label} must be an existing ${kind}; ${raw} is not a ${kind}`);
  return raw;
}

/** A file the command will write: not a directory, in a folder that exists or can be made, and writable. */
export const outputFile: Parser<string> = (raw, label) => {
  if (statOrUndefined(raw)?.isDirectory()) throw new UsageError(`${label} must be a file; ${raw} is a directory`);
  writableFolder(dirname(resolve(raw)), raw, label);
  return raw;
};

/** A folder the command will write into: a directory that exists or can be made, and writable. */
export const outputDir: Parser<string> = (raw, label) => {
  writableFolder(resolve(raw), raw, label);
  return raw;
};

/**
 * The nearest existing ancestor of `dir` (itself included) must be a directory where a file can be made: probed by
 * making one, since access() says yes to root everywhere, /proc included.
 */
function writableFolder(dir: string, raw: string, label: string): void {
  let nearest = dir;
  while (!statOrUndefined(nearest) && dirname(nearest) !== nearest) nearest = dirname(nearest);
  if (!statOrUndefined(nearest)?.isDirectory())
    throw new UsageError(`${label}: cannot write ${raw}; ${nearest} is not a directory`);
  const probe = join(nearest, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw new UsageError(
      `${label}: cannot write ${raw}; ${nearest} is not writable (${(error as NodeJS.ErrnoException).code})`,
    );
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
