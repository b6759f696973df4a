// How the long-running commands (serve, start, mock) stop: on SIGINT, SIGTERM or SIGHUP, and also when the
// process that started them (npm) is gone, so nothing keeps serving a port after its parent was killed.

/** Calls `stop` once, on the first signal or when the parent dies, then exits; a second signal exits at once. */
export function stopOnSignals(name: string, stop: () => Promise<void>, graceMs = 8000): void {
  let stopping = false;
  const shutdown = (why: string) => {
    if (stopping) {
      console.error(`${name}: ${why} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${name}: ${why}, stopping`);
    // Whatever stop() waits on, the process is gone within the grace period.
    setTimeout(() => process.exit(1), graceMs).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
  const parent = process.ppid;
  // Re-parented (to init or a subreaper): the npm that ran us is gone.
  setInterval(() => {
    if (process.ppid !== parent) shutdown('parent process exited');
  }, 500).unref();
}
