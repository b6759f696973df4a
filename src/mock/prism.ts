// Prism 5.14's mock server on the spec, as a child process: resolves once Prism says it is listening.
// Prism serves the spec's paths without the servers[0] base path (http://127.0.0.1:4010/user/spaces).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

const PRISM_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'prism');
export const DEFAULT_MOCK_PORT = 4010;

export interface MockOptions {
  port?: number;
  host?: string;
  specPath: string;
  /** Further flags for `prism mock` (`--dynamic`, `--errors`, …). */
  extraArgs?: string[];
  /** Prism's own log lines (default: dropped). */
  onOutput?: (chunk: string) => void;
  startTimeoutMs?: number;
}

export interface RunningMock {
  url: string;
  pid: number;
  /** SIGTERM, resolved when Prism has exited. */
  stop(): Promise<void>;
}

export function startMock(options: MockOptions): Promise<RunningMock> {
  const {
    port = DEFAULT_MOCK_PORT,
    host = '127.0.0.1',
    specPath,
    extraArgs = [],
    onOutput,
    startTimeoutMs = 60_000,
  } = options;
  const child = spawn(PRISM_BIN, ['mock', '-h', host, '-p', String(port), ...extraArgs, specPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Prism did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      onOutput?.(text);
      if (output.includes('Prism is listening')) return;
      output += text;
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve({ url: `http://${host}:${port}`, pid: child.pid!, stop });
      }
    };
    // Read both streams for Prism's whole life, so a full pipe never blocks it.
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${child.exitCode ?? child.signalCode}:\n${output}`));
    });
  });
}
