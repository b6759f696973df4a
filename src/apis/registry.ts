// The profiles of this project's APIs: one module src/apis/<api>/index.ts (exporting `profile`) for each API
// spec/<api>/sources.yaml declares, imported by name, so adding an API edits no list. An API with docs and no
// profile module is served from its spec alone (every operation its stub), its mock on the next free port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../paths.ts';
import { apiNames } from './discover.ts';
import { manifestFacts, plainProfile, type ApiProfile } from './profile.ts';

async function loadProfiles(root: string): Promise<ApiProfile[]> {
  const loaded = await Promise.all(
    apiNames(root).map(async (name) => {
      const module = join(root, 'src', 'apis', name, 'index.ts');
      if (!existsSync(module)) return { name, profile: undefined };
      const { profile } = (await import(pathToFileURL(module).href)) as { profile?: ApiProfile };
      if (profile?.name !== name) throw new Error(`${module} must export a \`profile\` named ${name}`);
      return { name, profile };
    }),
  );
  let lastMockPort = Math.max(0, ...loaded.map((l) => l.profile?.mockPort ?? 0));
  const profiles = loaded.map(({ name, profile }) => {
    if (profile) return profile;
    return { ...plainProfile(name, ''), ...manifestFacts(name), mockPort: ++lastMockPort };
  });
  return profiles.sort((a, b) => a.serveOrder - b.serveOrder);
}

/** Every API's profile, in the order `npm run serve` serves them. */
export const PROFILES: readonly ApiProfile[] = await loadProfiles(PROJECT_ROOT);

/** The APIs' names, in serve order. */
export const API_NAMES: readonly string[] = PROFILES.map((p) => p.name);

export const profileOf = (name: string): ApiProfile | undefined => PROFILES.find((p) => p.name === name);
