// "What changed" between two consecutive releases of an API, from their changelog: breaking changes first (removed
// operations, then every operation with a breaking change), then the rest; each operation links to its pages in
// both releases and names the docs' file:line of both sides. Also the notice of a release an API has no docs for.
import type { Change, ChangedOperation, OperationRef } from '../changes/types.ts';
import { badge, escapeHtml, methodBadge, section } from './html.ts';
import { page, type SiteInfo } from './layout.ts';
import { INDEX_PAGE, operationPage } from './links.ts';
import { renderInline } from './markdown.ts';
import { breadcrumbs } from './nav.ts';
import { type ApiReleases, changeAnchor, changesPage, type SiteChangelog } from './releases.ts';

type SiteFile = { path: string; content: string };

/** site/<api>/changes/<from>..<to>.html, shown in the default release's frame. */
export function changesPageArtifact(releases: ApiReleases, log: SiteChangelog, site: SiteInfo): SiteFile {
  const file = changesPage(log.from, log.to);
  const up = releases.upToApi(releases.plan.default, file);
  const opPage = (release: string, op: OperationRef) => {
    const found = releases.operation(release, op.method, op.path);
    return found ? up + releases.inRelease(release, operationPage(found.entry.operationId)) : undefined;
  };
  const title = `What changed from ${log.from} to ${log.to}`;
  const heading = (op: OperationRef, level: number, breaking: boolean) => {
    const name = `${methodBadge(op.method)} <code class="path">${escapeHtml(op.path)}</code>`;
    const tag = breaking ? ` ${badge('Breaking', 'breaking')}` : '';
    return `<h${level} id="${changeAnchor(op)}">${name}${tag}</h${level}>`;
  };
  const pages = (op: OperationRef) => {
    const links = [log.from, log.to].flatMap((release) => {
      const target = opPage(release, op);
      return target ? [`<a href="${escapeHtml(target)}">in ${escapeHtml(release)}</a>`] : [];
    });
    return links.length ? `<p>This operation ${links.join(' · ')}</p>` : '';
  };
  const sources = (source?: string, oldSource?: string) => {
    const parts = [
      ...(oldSource ? [`${escapeHtml(log.from)}: <code>${escapeHtml(oldSource)}</code>`] : []),
      ...(source ? [`${escapeHtml(log.to)}: <code>${escapeHtml(source)}</code>`] : []),
    ];
    return parts.length ? `<p class="muted">Documented at ${parts.join(' · ')}</p>` : '';
  };
  const changeList = (changes: Change[]) =>
    `<ul>${changes
      .map(
        (c) => `<li>${renderInline(c.message)} <span class="muted">(<code>${escapeHtml(c.pointer)}</code>)</span></li>`,
      )
      .join('')}</ul>`;
  const changedBlock = (op: ChangedOperation, changes: Change[], breaking: boolean) =>
    `<article class="change">${heading(op, 3, breaking)}\n${pages(op)}${sources(op.source, op.oldSource)}` +
    `${changeList(changes)}</article>`;

  const breakingChanged = log.changed.filter((op) => op.breaking);
  const breaking = [
    ...log.removed.map(
      (op) =>
        `<article class="change">${heading(op, 3, true)}\n<p>Removed in ${escapeHtml(log.to)}.</p>` +
        `${pages(op)}${sources(undefined, op.oldSource)}</article>`,
    ),
    ...breakingChanged.map((op) => changedBlock(op, breakingFirst(op.changes), true)),
  ];
  const calmChanged = log.changed.filter((op) => !op.breaking);
  const other = [
    ...log.added.map(
      (op) =>
        `<article class="change">${heading(op, 3, false)}\n<p>Added in ${escapeHtml(log.to)}.</p>` +
        `${pages(op)}${sources(op.source)}</article>`,
    ),
    ...log.deprecated.map(
      (op) =>
        `<article class="change"><h3>${methodBadge(op.method)} <code class="path">${escapeHtml(op.path)}</code></h3>` +
        `\n<p>Deprecated in ${escapeHtml(log.to)}.</p>${pages(op)}</article>`,
    ),
    ...calmChanged.map((op) => changedBlock(op, op.changes, false)),
  ];
  const s = log.summary;
  const summary =
    `<p>${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.deprecated} deprecated operations; ` +
    `${s.breaking} breaking changes. From <code>spec/${escapeHtml(log.api)}/changes/${escapeHtml(log.from)}..` +
    `${escapeHtml(log.to)}.json</code> (<code>npm run changes -- --api ${escapeHtml(log.api)} --from ` +
    `${escapeHtml(log.from)} --to ${escapeHtml(log.to)}</code>).</p>`;
  const body = [
    `<h1>${escapeHtml(site.apiTitle)}: ${escapeHtml(title)}</h1>`,
    summary,
    section('breaking', 'Breaking changes', breaking.length ? breaking.join('\n') : '<p>None.</p>'),
    section('other', 'Other changes', other.length ? other.join('\n') : '<p>None.</p>'),
  ];
  const crumbs = [
    ...(site.home ? [{ label: 'Home', target: site.home }] : []),
    { label: site.apiTitle, target: INDEX_PAGE },
    { label: `${log.from} → ${log.to}` },
  ];
  return {
    path: file,
    content: page({ file, title, site, body: body.join('\n'), breadcrumbs: breadcrumbs(file, crumbs) }),
  };
}

/** site/<api>/<release>/index.html for a release the API has no docs for: why, and where to go instead. */
export function missingReleasePage(releases: ApiReleases, release: string, site: SiteInfo): SiteFile {
  const file = `${release}/${INDEX_PAGE}`;
  const reason = releases.missingReason(release) ?? '';
  const others = releases.shown
    .filter((r) => releases.models.has(r))
    .map((r) => `<li><a href="${escapeHtml(`../${releases.inRelease(r, INDEX_PAGE)}`)}">${escapeHtml(r)}</a></li>`);
  const title = `${site.apiTitle} ${release}: not documented`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="note">There is no ${escapeHtml(site.apiTitle)} spec for ${escapeHtml(release)}: ` +
      `${escapeHtml(reason)}.</p>`,
    `<p>The releases of ${escapeHtml(site.apiTitle)} documented here:</p><ul>${others.join('')}</ul>`,
  ];
  return {
    path: file,
    content: page({
      file,
      title,
      site,
      body: body.join('\n'),
      switcher: releases.switcher(release, INDEX_PAGE),
    }),
  };
}

function breakingFirst(changes: Change[]): Change[] {
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}
