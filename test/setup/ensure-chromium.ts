// First step of `npm test`: the browser tests drive Debian's chromium (never a downloaded browser). Where it is
// missing, root installs it with apt-get, as CI does; anyone else is told in one line what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// CHROMIUM_PATH only lets the test of this script point it elsewhere.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const asRoot = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!asRoot) {
    console.error(
      `npm test: the browser tests need Debian's chromium at ${CHROMIUM}: run \`sudo apt-get install -y chromium\``,
    );
    process.exit(1);
  }
  console.log(`npm test: installing Debian's chromium for the browser tests (apt-get install -y chromium)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ];
  for (const args of steps) {
    const run = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (run.status !== 0) {
      const why = (run.stderr || run.stdout || String(run.error)).trim().split('\n').pop();
      console.error(`npm test: apt-get ${args.join(' ')} failed (${why}); install chromium and run again`);
      process.exit(1);
    }
  }
}
