// "Try it" on an operation page: a form holding the documented example request (method, URL with the documented
// path values, the example body in a textarea) that assets/site.js sends with fetch to the local validating server
// or the Prism mock, showing status, headers and body. Without JavaScript the form is there but cannot send: the
// cURL sample above does the same.
import type { Spec } from '../openapi/spec-types.ts';
import { escapeHtml, escapeText, section } from './html.ts';
import type { ExampleRequest } from './examples.ts';
import type { SiteInfo } from './layout.ts';
import type { SiteOperation } from './site-model.ts';

/** The development user of src/server/users.yaml (never a real credential). */
const TRY_USER = { username: 'admin', password: 'password', token: 'admin-token-3f9c1e7a5b2d4c8e' };

export interface TryAuth {
  kind: 'basic' | 'token' | 'none';
  header?: string;
}

export function tryItSection(
  { method, path }: SiteOperation,
  request: ExampleRequest,
  auth: TryAuth,
  site: SiteInfo,
): string {
  const pathValues = request.params.path ?? {};
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in pathValues ? encodeURIComponent(String(pathValues[name])).replace(/%2F/g, '/') : whole,
  );
  const query = Object.entries(request.params.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  const target = `${filled}${query ? `?${query}` : ''}`;
  const headers = Object.entries(request.params.header ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
  const who =
    auth.kind === 'basic'
      ? `as user <code>${TRY_USER.username}</code> (password <code>${TRY_USER.password}</code>, HTTP basic)`
      : auth.kind === 'token'
        ? `as user <code>${TRY_USER.username}</code> (token <code>${TRY_USER.token}</code> ` +
          `in the <code>${escapeHtml(auth.header ?? '')}</code> header)`
        : 'without credentials (public operation)';
  const body = request.body ? JSON.stringify(request.body.value, null, 2) : '';
  const m = method.toUpperCase();
  const authData = `data-auth="${auth.kind}"${auth.header ? ` data-auth-header="${escapeHtml(auth.header)}"` : ''}`;
  const userData =
    `data-user="${TRY_USER.username}" data-password="${TRY_USER.password}" ` + `data-token="${TRY_USER.token}"`;
  const server = escapeHtml(site.tryIt.server);
  const mock = escapeHtml(site.tryIt.mock);
  const start = startCommands(site);
  const methodLabel = `<span class="method method-${method.toLowerCase()}">${m}</span>`;
  const headerList = headers.length ? `<br>${headers.map((h) => `<code>${escapeHtml(h)}</code>`).join(' ')}` : '';
  const rows = Math.min(14, body.split('\n').length + 1);
  const bodyField = request.body
    ? '<label for="try-body">Request body (JSON)</label>\n' +
      `<textarea id="try-body" name="body" rows="${rows}" spellcheck="false">${escapeText(body)}</textarea>`
    : '';
  const form = `<form class="try-it" data-method="${m}" data-path="${escapeHtml(target)}" ${authData} ${userData}>
<p>Sends the example request below ${who} to the server you choose. ${start}</p>
<fieldset><legend>Target</legend>
<label><input type="radio" name="target" value="${server}" checked> Validating server <code>${server}</code></label>
<label><input type="radio" name="target" value="${mock}"> Prism mock <code>${mock}</code></label>
</fieldset>
<p class="try-request">${methodLabel} <code class="path">${escapeHtml(target)}</code>${headerList}</p>
${bodyField}
<p><button type="submit" disabled>Send request</button> <span class="try-note">(needs JavaScript)</span></p>
<div class="try-response" aria-live="polite" hidden></div>
</form>`;
  return section('try-it', 'Try it', form);
}

/** How to start what the form calls: `npm start` serves the default release; a page of another release names the
 * `--release` that makes the same server URL and mock ports answer as that release. */
function startCommands(site: SiteInfo): string {
  const releases = site.releases;
  if (!releases || releases.isDefault) {
    return (
      'Start them with <code>npm start</code> (validating server) ' +
      'or <code>npm start -- --mock</code> (Prism mock too).'
    );
  }
  const release = escapeHtml(releases.release);
  return (
    `This page documents release ${release}; <code>npm start</code> serves the default release. ` +
    `Start release ${release} with <code>npm start -- --release ${release}</code> (validating server) ` +
    `or <code>npm start -- --release ${release} --mock</code> (Prism mock too).`
  );
}

export function tryAuth(operation: SiteOperation, spec: Spec): TryAuth {
  const requirements = operation.op.security ?? spec.security ?? [];
  if (!requirements.length) return { kind: 'none' };
  const schemes = requirements
    .flatMap((r) => Object.keys(r))
    .map((n) => spec.components.securitySchemes?.[n])
    .filter((s) => s !== undefined);
  const apiKey = schemes.find((s) => s.type === 'apiKey' && s.in === 'header');
  if (apiKey) return { kind: 'token', header: apiKey.name };
  if (schemes.some((s) => s.type === 'http' && s.scheme === 'basic')) return { kind: 'basic' };
  return { kind: 'none' };
}
