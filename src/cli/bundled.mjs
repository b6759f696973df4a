// node src/cli/bundled.mjs <cli> [args…]: runs src/cli/<cli>.ts (or <cli>.ts from the project root, e.g.
// bench/bench-spec) from one esbuild bundle, so a run pays neither tsx's loader nor its per-file transforms and
// module resolution (figures: bench/README.md). Plain JavaScript: it starts before any TypeScript can run.
// The bundle is cached under a hash of every src/ and bench/ source, package-lock.json and the Node version, so
// an edit or an npm install rebuilds it on the next run.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_DIRS = [join(ROOT, 'src'), join(ROOT, 'bench')];

const [cli, ...args] = process.argv.slice(2);
const entry = cli && [join(ROOT, 'src', 'cli', `${cli}.ts`), join(ROOT, `${cli}.ts`)].find((file) => existsSync(file));
if (!entry) {
  console.error(
    `usage: node src/cli/bundled.mjs <cli> [args…], where <cli> is a file of src/cli/ (got ${cli ?? 'nothing'})`,
  );
  process.exit(2);
}

const hash = createHash('sha256').update(`${process.version}\0${cli}\0`);
hash.update(readFileSync(join(ROOT, 'package-lock.json')));
for (const dir of SOURCE_DIRS) {
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.ts'))
      hash.update(`\0${relative(ROOT, join(dir, file))}\0`).update(readFileSync(join(dir, file)));
  }
}
const cacheDir = process.env.ONEDATA_OPENAPI_CACHE_DIR ?? join(ROOT, 'node_modules', '.cache', 'onedata-openapi');
const name = `${cli.replaceAll('/', '-')}-${hash.digest('hex').slice(0, 24)}.mjs`;
const fallback = join(tmpdir(), 'onedata-openapi-bundles', name);
let bundle =
  [join(cacheDir, 'bundles', name), fallback].find((file) => existsSync(file)) ?? join(cacheDir, 'bundles', name);

if (!existsSync(bundle)) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // jsonc-parser's `main` is a UMD build esbuild cannot follow; its ESM build is the `module` field.
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
    // Bundled CommonJS packages call require(); ESM output has none of its own.
    banner: {
      js:
        "import { createRequire as __bundleRequire } from 'node:module'; " +
        'const require = __bundleRequire(import.meta.url);',
    },
    plugins: [sourceUrlPlugin()],
  }).catch(() => {
    // esbuild has printed each error with its file:line:column above.
    console.error(`cannot bundle ${relative(ROOT, entry)}: fix the errors above`);
    process.exit(1);
  });
  try {
    writeAtomically(bundle, result.outputFiles[0].contents);
  } catch {
    // A read-only node_modules: the temp folder will do (the bundle finds its files by absolute URLs).
    bundle = fallback;
    writeAtomically(bundle, result.outputFiles[0].contents);
  }
}

process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(bundle).href);

/** Written under a temporary name, then renamed: a concurrent run never imports half a file. */
function writeAtomically(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

/**
 * Project sources locate their neighbours (spec/, users.yaml, site assets) through import.meta.url; in
 * the bundle that would be the cache folder, so each source gets its own original URL written in.
 */
function sourceUrlPlugin() {
  return {
    name: 'source-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!SOURCE_DIRS.some((dir) => args.path.startsWith(dir))) return undefined;
        const text = readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href),
        );
        return { contents: text, loader: 'ts' };
      });
    },
  };
}
