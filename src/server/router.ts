// Routing by the spec's operations as openapi-backend's router lists them (its global/own security merge
// included), as OpenAPI 3.1 matches paths: the path first (concrete paths before templates, the most specific
// template first), then the method among that path's operations only, so `GET /user/groups/join` is a 405 when
// only POST is documented there, never `GET /user/groups/{gid}`; 404 when no path matches; HEAD is answered as
// the path's GET (RFC 9110 §9.3.2); 405 (with the methods that path has) when the method is not there. Unlike
// openapi-backend's router, which rebuilds its operation list and compiles one RegExp per template on every
// request, the routes are compiled once, and they capture the path parameters too.
import { OpenAPIRouter, type Operation, type ParsedRequest, type Request } from 'openapi-backend';
import { HttpError } from './errors.ts';

type Document = ConstructorParameters<typeof OpenAPIRouter>[0]['definition'];

interface Route {
  operation: Operation;
  pattern: RegExp;
  parameterNames: string[];
  /** The template's text after its last parameter: a path not ending so cannot match (tested before `pattern`). */
  suffix: string;
}

export interface Match {
  operation: Operation;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

export class CachedRouter extends OpenAPIRouter {
  private readonly operations: Operation[];
  private readonly routes: Route[];
  private readonly routeOf: Map<Operation, Route>;
  /** The routes that can match a path whose first segment is the key (in `routes` order), so a request is
   * tried against its own part of the API rather than every route; paths with another first segment use
   * `routesWithoutLiteralHead`. */
  private readonly routesByHead: Map<string, Route[]>;
  private readonly routesWithoutLiteralHead: Route[];
  /** Each path template's routes, one per method. */
  private readonly routesAt: Map<string, Route[]>;
  private readonly root: string;

  constructor(opts: { definition: Document; apiRoot: string }) {
    super({ ...opts, ignoreTrailingSlashes: true });
    this.root = opts.apiRoot.replace(/\/$/, '');
    this.operations = super.getOperations();
    const literalLength = (path: string) => path.replace(/\{.*?\}/g, '').length;
    const templated = (path: string) => path.includes('{');
    this.routes = this.operations
      .map((operation) => ({ operation, ...compileTemplate(operation.path) }))
      .sort(
        (a, b) =>
          Number(templated(a.operation.path)) - Number(templated(b.operation.path)) ||
          literalLength(b.operation.path) - literalLength(a.operation.path),
      );
    this.routeOf = new Map(this.routes.map((route) => [route.operation, route]));
    this.routesAt = new Map();
    for (const route of this.routes) {
      const at = this.routesAt.get(route.operation.path);
      if (at) at.push(route);
      else this.routesAt.set(route.operation.path, [route]);
    }
    const heads = this.routes.map((route) => literalHead(route.operation.path));
    this.routesWithoutLiteralHead = this.routes.filter((_, i) => heads[i] === undefined);
    this.routesByHead = new Map(
      [...new Set(heads)]
        .filter((head) => head !== undefined)
        .map((head) => [head, this.routes.filter((_, i) => heads[i] === head || heads[i] === undefined)]),
    );
  }

  private routesFor(path: string): Route[] {
    return this.routesByHead.get(headOf(path)) ?? this.routesWithoutLiteralHead;
  }

  /**
   * openapi-backend's validator parses each request here, with lodash, qs and cookie and a path template
   * compiled per call: that parsing cost more than the validation itself. A request without query string and
   * cookies (the usual one) is parsed to the same result directly; anything else still goes to the original.
   */
  override parseRequest(req: Request, operation?: Operation): ParsedRequest {
    const route = operation && this.routeOf.get(operation);
    if (
      !route ||
      req.path.includes('?') ||
      req.query !== undefined ||
      'cookie' in req.headers ||
      'Cookie' in req.headers
    )
      return super.parseRequest(req, operation);
    const path = this.relativePath(req.path);
    const values = path === undefined ? null : route.pattern.exec(path);
    const headers: Record<string, string | string[]> = {};
    for (const name in req.headers) headers[name.toLowerCase()] = req.headers[name]!;
    return {
      method: req.method.trim().toLowerCase(),
      path: req.path.trim(),
      headers,
      query: {},
      cookies: {},
      params: values ? decodeParameters(route.parameterNames, values) : {},
      body: req.body,
      requestBody: parsedBody(req.body),
    };
  }

  /** The same list on every call (openapi-backend's getOperation() and validators ask for it). */
  override getOperations(): Operation[] {
    return this.operations;
  }

  /** The operation for a request line; throws the 404/405 HttpError otherwise. */
  match(method: string, url: string): Match {
    const path = this.relativePath(url);
    const matched = path === undefined ? undefined : this.pathMatch(path);
    if (!matched) throw new HttpError(404, 'notFound', 'path', `No operation at ${url.split('?')[0]}.`);
    const lower = method.toLowerCase();
    const { routes, values } = matched;
    const route =
      routes.find((r) => r.operation.method === lower) ??
      (lower === 'head' ? routes.find((r) => r.operation.method === 'get') : undefined);
    if (route) return { operation: route.operation, params: decodeParameters(route.parameterNames, values) };
    const allow = methodsOf(routes).join(', ');
    throw new HttpError(405, 'notSupported', 'method', `${method} is not supported here; allowed: ${allow}.`, {
      Allow: allow,
    });
  }

  /** The methods of the operations at a request's path (query ignored); undefined when no operation has that path. */
  methodsAt(url: string): string[] | undefined {
    const path = this.relativePath(url);
    const matched = path === undefined ? undefined : this.pathMatch(path);
    return matched && methodsOf(matched.routes);
  }

  /** The routes of the first path template (in `routes` order) that matches, and the values it captured (one
   * template's routes share its pattern). */
  private pathMatch(path: string): { routes: Route[]; values: RegExpExecArray } | undefined {
    for (const route of this.routesFor(path)) {
      if (!path.endsWith(route.suffix)) continue;
      const values = route.pattern.exec(path);
      if (values) return { routes: this.routesAt.get(route.operation.path)!, values };
    }
    return undefined;
  }

  /** The path below the API root without query and trailing slashes, or undefined outside the root. */
  private relativePath(url: string): string | undefined {
    const query = url.indexOf('?');
    let path = query < 0 ? url : url.slice(0, query);
    if (!path.startsWith('/')) path = `/${path}`;
    if (this.root) {
      if (path === this.root) path = '/';
      else if (path.startsWith(`${this.root}/`)) path = path.slice(this.root.length);
      else return undefined;
    }
    return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
  }
}

/** What openapi-backend makes of a body: text is taken for JSON when it parses as JSON. */
function parsedBody(body: unknown): unknown {
  if (!body || typeof body === 'object') return body;
  try {
    return JSON.parse(String(body)) as unknown;
  } catch {
    return body;
  }
}

/** A path's methods as an Allow header lists them: HEAD wherever GET is. */
function methodsOf(routes: Route[]): string[] {
  const methods = routes.map((route) => route.operation.method.toUpperCase());
  return methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : methods;
}

function decodeParameters(names: string[], values: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  try {
    for (const [i, name] of names.entries()) params[name] = decodeURIComponent(values[i + 1]!);
  } catch {
    throw new HttpError(400, 'badValue', 'path', 'A path parameter is not valid percent-encoding.');
  }
  return params;
}

/** A path's first segment: `spaces` for /spaces/x/users. */
function headOf(path: string): string {
  const end = path.indexOf('/', 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

/** A template's first segment when it is literal (no parameter in it), else undefined. */
function literalHead(template: string): string | undefined {
  const head = headOf(template);
  return head.includes('{') ? undefined : head;
}

/** /spaces/{id}/users/token → ^/spaces/([^/]+)/users/token$, ['id'] and '/users/token', literal parts escaped. */
function compileTemplate(path: string): { pattern: RegExp; parameterNames: string[]; suffix: string } {
  const parameterNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const literals = path.split(/\{[^}]+\}/);
  const source = literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([^/]+)');
  return { pattern: new RegExp(`^${source}$`), parameterNames, suffix: literals.at(-1)! };
}
