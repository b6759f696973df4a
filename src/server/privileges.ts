// 403/404 from the spec's x-privileges: holding any one listed privilege suffices. The API's profile says which
// names are the user's own (user-wide) and which are held on the space or group the path addresses by {id}
// (Onezone's); on most APIs every privilege is user-wide.
import type { Operation } from 'openapi-backend';
import type { User } from './accounts.ts';
import type { Directory, ResourceKind } from './directory.ts';
import { HttpError } from './errors.ts';

/** The collections the directory models, by their first path segment. */
const COLLECTIONS: Readonly<Record<string, ResourceKind>> = { spaces: 'space', groups: 'group' };

export interface PrivilegeScope {
  /** True for a privilege of the user's own; false for one held on the resource the path addresses. */
  userWide(name: string): boolean;
  /** Where resource privileges are held; without it every privilege is checked as user-wide. */
  directory?: Directory;
}

export type Authorize = (caller: User, params: Record<string, string>) => void;

export function privilegesOf(operation: Operation): readonly string[] {
  return (operation as { 'x-privileges'?: string[] })['x-privileges'] ?? [];
}

/** The kind of resource a path such as /spaces/{id}/users/token addresses by {id}, if any. */
function addressedKind(pathTemplate: string): ResourceKind | undefined {
  const [, collection = '', idSegment] = pathTemplate.split('/');
  return idSegment === '{id}' && Object.hasOwn(COLLECTIONS, collection) ? COLLECTIONS[collection] : undefined;
}

/**
 * The operation's check, worked out once: it throws 403 when the caller holds none of the privileges, 404 when
 * the resource they would be held on does not exist.
 */
export function authorizer(operation: Operation, scope: PrivilegeScope): Authorize {
  const required = privilegesOf(operation);
  if (required.length === 0) return () => {};
  const { directory } = scope;
  const userWide = directory ? required.filter((name) => scope.userWide(name)) : required;
  const onResource = directory ? required.filter((name) => !scope.userWide(name)) : [];
  const kind = onResource.length ? addressedKind(operation.path) : undefined;
  const forbidden = () =>
    new HttpError(
      403,
      'forbidden',
      'privileges',
      `This operation requires one of these privileges: ${required.join(', ')}.`,
    );
  return (caller, params) => {
    if (userWide.some((name) => caller.privileges.includes(name))) return;
    const id = params.id;
    if (!kind || id === undefined || !directory) throw forbidden();
    const resource = directory.find(kind, id);
    if (!resource) throw new HttpError(404, 'notFound', 'id', `No ${kind} with id ${id}.`);
    const held = directory.privilegesOf(resource, caller.username);
    if (!held || !onResource.some((name) => held.has(name))) throw forbidden();
  };
}
