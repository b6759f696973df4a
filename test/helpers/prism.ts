// Starts Prism's mock on 127.0.0.1 and a free port; always stop it.
import { createServer } from 'node:net';
import { startMock } from '../../src/mock/prism.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningPrism {
  url: string;
  stop(): Promise<void>;
}

export async function startPrism(specPath: string): Promise<RunningPrism> {
  const { url, stop } = await startMock({ port: await freePort(), specPath });
  return { url, stop };
}
