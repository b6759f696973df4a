// Reads the shell of a documented cURL sample: method, URL, body and the response printed after it.
export interface CurlSample {
  method: string;
  url: string;
  /** Path part of the URL, e.g. /api/v3/onezone/user/spaces/join. */
  urlPath: string;
  /** Scheme, host and port, with shell variables turned into `{host}`-style template variables. */
  origin: string;
  data?: string;
  /** The command as written (up to the first blank line), trimmed. */
  command: string;
  /** Text after the command: the response the docs show for it. */
  output: string;
  /** Line offset (0-based, within the sample) where the output starts. */
  outputLine: number;
}

export function parseCurl(source: string): CurlSample | undefined {
  // The command runs up to the first blank line; what follows is the output the docs print for it. Only the
  // command's lines are scanned: the output is often long JSON.
  let lineCount = 0;
  let blankStart = -1; // offset of the first blank line
  let blankEnd = -1; // offset just past it
  for (let start = 0; start <= source.length; lineCount++) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 ? source.length : newline;
    if (source.slice(start, end).trim() === '') {
      blankStart = start;
      blankEnd = end + 1;
      break;
    }
    start = end + 1;
  }
  const commandText = blankStart < 0 ? source : source.slice(0, Math.max(0, blankStart - 1));
  const words = shellWords(commandText.replace(/\\\n/g, ' '));
  if (words[0] !== 'curl') return undefined;
  let method: string | undefined;
  let data: string | undefined;
  let url: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-X' || w === '--request') method = words[++i];
    else if (w === '-d' || w === '--data' || w === '--data-raw' || w === '--data-binary') data = words[++i];
    else if (/^https?:\/\//.test(w)) url = w;
  }
  const m = url === undefined ? null : /^(https?:\/\/[^/\s]+)(\/[^?#]*)?/.exec(url);
  if (!m) return undefined;
  const origin = m[1]!.replace(
    /\$\{?([A-Za-z_]+)\}?/g,
    (_, v: string) => `{${v.toLowerCase() === 'onezone_host' ? 'host' : v.toLowerCase()}}`,
  );
  return {
    method: (method ?? (data !== undefined ? 'POST' : 'GET')).toUpperCase(),
    url: m[0],
    urlPath: m[2] ?? '/',
    origin,
    ...(data !== undefined ? { data } : {}),
    command: commandText.trim(),
    output: blankStart < 0 ? '' : source.slice(blankEnd).trim(),
    outputLine: blankStart < 0 ? lineCount : lineCount + 1,
  };
}

/** Minimal POSIX-ish word splitting: quotes group, backslash escapes outside single quotes. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = 0; // char code of the open quote, 0 outside quotes
  // Runs of ordinary characters are copied with one slice: samples are mostly long JSON bodies.
  let runStart = -1;
  for (let i = 0; i < command.length; i++) {
    const c = command.charCodeAt(i);
    const special = quote ? c === quote || (c === 92 && quote === 34) : c === 34 || c === 39 || isSpace(c, command, i);
    if (!special) {
      if (runStart < 0) runStart = i;
      if (!quote) inWord = true;
      continue;
    }
    if (runStart >= 0) {
      word += command.slice(runStart, i);
      runStart = -1;
    }
    if (quote) {
      if (c === quote) quote = 0;
      else if (i + 1 < command.length)
        word += command[++i]; // backslash inside double quotes
      else word += command[i];
    } else if (c === 34 || c === 39) {
      quote = c;
      inWord = true;
    } else {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    }
  }
  if (runStart >= 0) word += command.slice(runStart);
  if (inWord) words.push(word);
  return words;
}

/** `/\s/` by char code: ASCII whitespace directly, the regex only for the rare non-ASCII character. */
function isSpace(code: number, text: string, i: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(text[i]!);
}

/**
 * Splits a URL path into base path + endpoint path when the tail matches the path template
 * (`{param}` matches one segment). Undefined when it does not match.
 */
export function matchTemplate(
  urlPath: string,
  template: string,
): { base: string; values: Record<string, string> } | undefined {
  const url = withoutTrailingSlashes(urlPath);
  const tpl = withoutTrailingSlashes(template);
  const values: Record<string, string> = {};
  // Segment by segment from the end (the template matches the URL's tail), by index: no split arrays.
  let t = tpl.length;
  let u = url.length;
  for (;;) {
    const tSlash = t > 0 ? tpl.lastIndexOf('/', t - 1) : -1;
    if (tSlash < 0) break; // what precedes the template's first slash is not matched
    const uSlash = u > 0 ? url.lastIndexOf('/', u - 1) : -1;
    if (uSlash < 0) return undefined;
    const uSeg = url.slice(uSlash + 1, u);
    if (t - tSlash > 3 && tpl.charCodeAt(tSlash + 1) === 123 && tpl.charCodeAt(t - 1) === 125) {
      values[tpl.slice(tSlash + 2, t - 1)] ??= uSeg; // `{name}`; a repeated name keeps its last segment
    } else if (t - tSlash - 1 !== uSeg.length || !tpl.startsWith(uSeg, tSlash + 1)) return undefined;
    t = tSlash;
    u = uSlash;
  }
  return { base: url.slice(0, u), values };
}

function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}
