// The static assets (stylesheet and search script) are plain files next to this module, copied as they are.
import { readFileSync } from 'node:fs';
import { CSS_ASSET, SEARCH_ASSET } from './links.ts';

export function staticAssets(): { path: string; content: string }[] {
  return [CSS_ASSET, SEARCH_ASSET].map((path) => ({
    path,
    content: readFileSync(new URL(`./${path}`, import.meta.url), 'utf8'),
  }));
}
