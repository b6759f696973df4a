// Every release of an API in the portal: where its pages live (the default release at site/<api>/, another at
// site/<api>/<release>/), the switcher every page shows (plain links to the same page in the other releases), and
// an operation's history across the releases, read from the changelogs of consecutive releases.
import type { Changelog, OperationRef } from '../changes/types.ts';
import { escapeHtml, section } from './html.ts';
import { anchorId, INDEX_PAGE, operationPage, rootPrefix, schemaPage } from './links.ts';
import type { SiteModel, SiteOperation } from './site-model.ts';

/** One changelog of an API between two consecutive releases (spec/<api>/changes/<from>..<to>.json). */
export interface SiteChangelog extends Changelog {
  api: string;
  from: string;
  to: string;
}

export interface PortalReleases {
  /** Every release, oldest first. */
  order: string[];
  default: string;
  /** Releases an API has no docs for, and why. */
  missing: { api: string; release: string; reason: string }[];
  changelogs: SiteChangelog[];
}

/** What a page of one API release needs to link across releases. */
export interface ReleaseLinks {
  release: string;
  isDefault: boolean;
  /** The switcher: this page in every release of the API, then its "What changed" pages. */
  switcher(file: string): string;
  /** An operation page's section on the releases it appeared, changed or was removed in. */
  history(operation: SiteOperation, file: string): string;
}

/** The folder of an API release's pages, from the site root. */
export function releaseFolder(api: string, release: string, plan: Pick<PortalReleases, 'default'>): string {
  return release === plan.default ? `${api}/` : `${api}/${release}/`;
}

/** A "What changed" page, from the API's folder (site/<api>/). */
export const changesPage = (from: string, to: string) => `changes/${from}..${to}.html`;

/** The anchor of an operation on a "What changed" page. */
export const changeAnchor = (op: OperationRef) => anchorId('op', `${op.method}-${op.path}`);

const opKey = (method: string, path: string) => `${method} ${path}`;

/** One API's releases: each release's site model, found by release name. */
export class ApiReleases {
  readonly models = new Map<string, SiteModel>();
  constructor(
    readonly api: string,
    readonly plan: PortalReleases,
  ) {}

  /** The releases of the plan this API has pages for, or a notice page (a documented absence), oldest first. */
  get shown(): string[] {
    return this.plan.order.filter((r) => this.models.has(r) || this.missingReason(r) !== undefined);
  }

  missingReason(release: string): string | undefined {
    return this.plan.missing.find((m) => m.api === this.api && m.release === release)?.reason;
  }

  changelogs(): SiteChangelog[] {
    return this.plan.changelogs.filter((c) => c.api === this.api);
  }

  /** From a page of `release` (path inside its folder) up to the API's folder. */
  upToApi(release: string, file: string): string {
    return rootPrefix(file) + (release === this.plan.default ? '' : '../');
  }

  /** A page of another release, from the API's folder. */
  inRelease(release: string, target: string): string {
    return release === this.plan.default ? target : `${release}/${target}`;
  }

  operation(release: string, method: string, path: string): SiteOperation | undefined {
    return this.models.get(release)?.operations.find((o) => opKey(o.method, o.path) === opKey(method, path));
  }

  linksFor(release: string): ReleaseLinks {
    return {
      release,
      isDefault: release === this.plan.default,
      switcher: (file) => this.switcher(release, file),
      history: (operation, file) => this.history(release, operation, file),
    };
  }

  /** The same page in `other`: an operation by method and path, a schema by name, the index, report, reference. */
  private counterpart(current: string, other: string, file: string): { target?: string; absent?: string } {
    const model = this.models.get(other);
    if (!model) return {};
    const op = /^operations\//.test(file)
      ? this.models.get(current)?.operations.find((o) => operationPage(o.entry.operationId) === file)
      : undefined;
    if (op) {
      const there = this.operation(other, op.method, op.path);
      if (there) return { target: operationPage(there.entry.operationId) };
      return { absent: `${op.method.toUpperCase()} ${op.path} does not exist in ${other}` };
    }
    if (file.startsWith('schemas/'))
      return model.schemaNames.some((n) => schemaPage(n) === file)
        ? { target: file }
        : { absent: `no such schema in ${other}` };
    return { target: /^(index|report|reference)\.html$/.test(file) ? file : INDEX_PAGE };
  }

  switcher(current: string, file: string): string {
    const up = this.upToApi(current, file);
    const items = this.shown.map((release) => {
      const label = escapeHtml(release);
      const note = release === this.plan.default ? ' <span class="muted">(default)</span>' : '';
      if (release === current) return `<li aria-current="true"><strong>${label}</strong>${note}</li>`;
      if (!this.models.has(release)) {
        const notice = escapeHtml(up + this.inRelease(release, INDEX_PAGE));
        return `<li><a href="${notice}">${label}</a> <span class="muted">(no docs)</span></li>`;
      }
      const { target, absent } = this.counterpart(current, release, file);
      if (absent) {
        const index = escapeHtml(up + this.inRelease(release, INDEX_PAGE));
        return `<li><a href="${index}">${label}</a> <span class="absent">(${escapeHtml(absent)})</span></li>`;
      }
      return `<li><a href="${escapeHtml(up + this.inRelease(release, target ?? INDEX_PAGE))}">${label}</a>${note}</li>`;
    });
    const changes = this.changelogs().map((c) => {
      const link = escapeHtml(up + changesPage(c.from, c.to));
      return `<li><a href="${link}">${escapeHtml(c.from)} → ${escapeHtml(c.to)}</a></li>`;
    });
    const changed = changes.length ? ` <span class="label">What changed:</span> <ul>${changes.join('')}</ul>` : '';
    return (
      `<nav class="release-switcher" aria-label="Releases"><span class="label">Release:</span> ` +
      `<ul>${items.join('')}</ul>${changed}</nav>`
    );
  }

  /** Per release of the API: documented (first), added, changed (breaking or not), unchanged, removed, absent. */
  history(current: string, { method, path }: SiteOperation, file: string): string {
    const up = this.upToApi(current, file);
    const key = opKey(method, path);
    const logs = this.changelogs();
    const documented = this.plan.order.filter((r) => this.models.has(r));
    const rows = this.shown.map((release) => {
      if (!this.models.has(release)) {
        const notice = escapeHtml(up + this.inRelease(release, INDEX_PAGE));
        return `<li>${escapeHtml(release)}: no docs (<a href="${notice}">why</a>)</li>`;
      }
      const log = logs.find((c) => c.to === release);
      const link = (text: string, op: OperationRef) =>
        log ? ` <a href="${escapeHtml(`${up}${changesPage(log.from, log.to)}#${changeAnchor(op)}`)}">${text}</a>` : '';
      const here = this.operation(release, method, path);
      const where = here ? this.opLink(up, release, here) : '';
      if (!log) return `<li>${escapeHtml(release)}: ${here ? `documented${where}` : 'not documented'}</li>`;
      const added = log.added.find((o) => opKey(o.method, o.path) === key);
      const removed = log.removed.find((o) => opKey(o.method, o.path) === key);
      const changed = log.changed.find((o) => opKey(o.method, o.path) === key);
      let what = here ? 'unchanged' : 'not documented';
      if (added) what = `appeared${where}`;
      else if (removed) what = `removed (breaking)${link('what changed', removed)}`;
      else if (changed)
        what = `changed${changed.breaking ? ' (breaking)' : ''}${where}${link('what changed', changed)}`;
      else if (here) what = `unchanged${where}`;
      return `<li>${escapeHtml(release)}: ${what}</li>`;
    });
    const first = documented[0];
    const lead = first
      ? `<p>${escapeHtml(first)} is the oldest release of this API documented here.</p>`
      : '<p>No release documented.</p>';
    return section('releases', 'Releases', `${lead}\n<ul class="release-history">${rows.join('')}</ul>`);
  }

  /** ` (its page)` linking an operation of `release`, from the API's folder reached by `up`. */
  private opLink(up: string, release: string, op: SiteOperation): string {
    const target = up + this.inRelease(release, operationPage(op.entry.operationId));
    return ` (<a href="${escapeHtml(target)}">${escapeHtml(op.entry.operationId)}</a>)`;
  }
}
