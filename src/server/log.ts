// The default request log: lines to stdout, written in batches (every FLUSH_MS, or at FLUSH_BYTES) instead of
// one write per request, so a request does not pay for a write of its own.
export type Log = (line: string) => void;

export interface BatchedLog {
  log: Log;
  /** Writes what is pending now. */
  flush(): void;
}

const FLUSH_MS = 50;
const FLUSH_BYTES = 16 * 1024;

export function batchedStdoutLog(write: (text: string) => void = (text) => process.stdout.write(text)): BatchedLog {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const text = pending;
    pending = '';
    write(text);
  };
  return {
    log: (line) => {
      pending += `${line}\n`;
      if (pending.length >= FLUSH_BYTES) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    flush,
  };
}
