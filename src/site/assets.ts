// The static assets (stylesheet and scripts) are plain files next to this module, copied as they are; MiniSearch's
// browser build is minified from node_modules. The stylesheet and the script every page loads are minified
// (esbuild: deterministic) so that a page stays small; their sources here are the readable ones.
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { CSS_ASSET, SEARCH_ASSET, SEARCH_TERMS_ASSET, SITE_ASSET } from './links.ts';
import { miniSearchAsset } from './search.ts';

export function staticAssets(): { path: string; content: string }[] {
  return [
    ...[CSS_ASSET, SITE_ASSET, SEARCH_ASSET, SEARCH_TERMS_ASSET].map((path) => {
      const source = readFileSync(new URL(`./${path}`, import.meta.url), 'utf8');
      const loader = path.endsWith('.css') ? 'css' : 'js';
      const { code } = transformSync(source, {
        loader,
        minify: true,
        target: loader === 'css' ? 'chrome100' : 'es2019',
        legalComments: 'none',
      });
      return { path, content: `/* src/site/${path}, minified by npm run sync */\n${code}` };
    }),
    miniSearchAsset(),
  ];
}
