// Prism 5's mock server on a spec, in a child process of its own (src/mock/prism-worker.mjs, Prism's Node API):
// resolves when the child reports over IPC that it listens. Prism serves the spec's paths without the servers[0]
// base path (http://127.0.0.1:4010/user/spaces).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MOCK_PORT = 4010;
const WORKER = fileURLToPath(new URL('./prism-worker.mjs', import.meta.url));

/** Prism's mock options, as its CLI names them. */
interface PrismOptions {
  /** Responses generated from the schemas instead of the examples. */
  dynamic?: boolean;
  /** A request that violates the spec answers an error instead of a mock response. */
  errors?: boolean;
  /** Examples ignored: responses generated from the schemas (or empty), as with --dynamic. */
  ignoreExamples?: boolean;
  /** Seed of the dynamic responses' generator, for repeatable answers. */
  seed?: string;
  /** CORS headers on every answer (default true, as Prism's CLI). */
  cors?: boolean;
}

export interface MockOptions extends PrismOptions {
  port?: number;
  host?: string;
  specPath: string;
  /** Prism's log lines (default: dropped). */
  onOutput?: (chunk: string) => void;
  startTimeoutMs?: number;
}

export interface RunningMock {
  url: string;
  pid: number;
  /** SIGTERM, resolved when Prism has exited. */
  stop(): Promise<void>;
}

type WorkerMessage = { listening: string } | { error: string };

export function startMock(options: MockOptions): Promise<RunningMock> {
  const { port = DEFAULT_MOCK_PORT, host = '127.0.0.1', specPath, onOutput, startTimeoutMs = 60_000 } = options;
  const { dynamic = false, errors = false, ignoreExamples = false, seed, cors = true } = options;
  const settings = { specPath, host, port, dynamic, errors, ignoreExamples, seed, cors };
  const child = fork(WORKER, [JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  // Read both streams for Prism's whole life, so a full pipe never blocks it.
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 64 * 1024) output += text;
    onOutput?.(text);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`Prism did not start within ${startTimeoutMs} ms:\n${output}`), startTimeoutMs);
    child.once('message', (message: WorkerMessage) => {
      if ('error' in message) return fail(`Prism cannot mock ${specPath}: ${message.error}`);
      clearTimeout(timer);
      resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, pid: child.pid!, stop });
    });
    child.once('error', (error) => fail(error.message));
    void exited.then(() => fail(`Prism exited with ${child.exitCode ?? child.signalCode}:\n${output}`));
  });
}
