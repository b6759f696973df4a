// Every rule a change can carry, named as oasdiff names its checks, with when it is breaking (docs/changes.md
// renders this table). A client built against the older spec is the one that must keep working.

interface Rule {
  id: string;
  /** Always, never, or the condition under which the change breaks such a client. */
  breaking: true | false | string;
  what: string;
}

const RULES = [
  { id: 'api-removed', breaking: true, what: 'an operation (method + path) is gone' },
  { id: 'endpoint-added', breaking: false, what: 'a new operation' },
  { id: 'api-deprecated', breaking: false, what: 'an operation became deprecated' },
  { id: 'api-reactivated', breaking: false, what: 'an operation is no longer deprecated' },
  { id: 'api-operation-id-changed', breaking: false, what: 'the operationId changed (the wire is the same)' },
  { id: 'new-required-request-parameter', breaking: true, what: 'a new required parameter' },
  { id: 'new-optional-request-parameter', breaking: false, what: 'a new optional parameter' },
  { id: 'request-parameter-removed', breaking: true, what: 'a parameter is gone' },
  { id: 'request-parameter-became-required', breaking: true, what: 'an optional parameter became required' },
  { id: 'request-parameter-became-optional', breaking: false, what: 'a required parameter became optional' },
  { id: 'request-body-added-required', breaking: true, what: 'a required request body where there was none' },
  { id: 'request-body-added-optional', breaking: false, what: 'an optional request body where there was none' },
  { id: 'request-body-removed', breaking: false, what: 'the request body is gone' },
  { id: 'request-body-became-required', breaking: true, what: 'the request body became required' },
  { id: 'request-body-became-optional', breaking: false, what: 'the request body became optional' },
  { id: 'request-media-type-removed', breaking: true, what: 'a request media type is no longer accepted' },
  { id: 'request-media-type-added', breaking: false, what: 'a new request media type' },
  { id: 'new-required-request-property', breaking: true, what: 'a new required property in a request schema' },
  { id: 'new-optional-request-property', breaking: false, what: 'a new optional property in a request schema' },
  { id: 'request-property-removed', breaking: false, what: 'a request schema property is gone' },
  { id: 'request-property-became-required', breaking: true, what: 'a request property became required' },
  { id: 'request-property-became-optional', breaking: false, what: 'a request property became optional' },
  {
    id: 'request-type-changed',
    breaking: 'when the new types do not accept every old one (narrowed)',
    what: 'the type of a parameter or request schema changed',
  },
  { id: 'request-enum-value-removed', breaking: true, what: 'a request enum lost a value (narrowed)' },
  { id: 'request-enum-value-added', breaking: false, what: 'a request enum gained a value' },
  { id: 'request-enum-added', breaking: true, what: 'a request value became restricted to an enum' },
  { id: 'response-property-removed', breaking: true, what: 'a response schema property is gone' },
  { id: 'response-property-added', breaking: false, what: 'a new response property' },
  { id: 'response-property-became-optional', breaking: true, what: 'a required response property became optional' },
  { id: 'response-property-became-required', breaking: false, what: 'a response property became required' },
  {
    id: 'response-type-changed',
    breaking: 'when the new types include one the old did not (widened)',
    what: 'the type of a response schema or header changed',
  },
  { id: 'response-enum-value-added', breaking: true, what: 'a response enum gained a value a client cannot expect' },
  { id: 'response-enum-value-removed', breaking: false, what: 'a response enum lost a value' },
  { id: 'response-success-status-removed', breaking: true, what: 'a 1xx/2xx/3xx response code is gone' },
  { id: 'response-non-success-status-removed', breaking: false, what: 'a 4xx/5xx/default response code is gone' },
  { id: 'response-status-added', breaking: false, what: 'a new response code' },
  { id: 'response-header-removed', breaking: true, what: 'a response header is gone' },
  { id: 'response-header-added', breaking: false, what: 'a new response header' },
  { id: 'response-media-type-removed', breaking: true, what: 'a response media type is gone' },
  { id: 'response-media-type-added', breaking: false, what: 'a new response media type' },
  {
    id: 'api-security-removed',
    breaking: 'unless the operation became public',
    what: 'a security requirement alternative is gone',
  },
  {
    id: 'api-security-added',
    breaking: 'when the operation was public',
    what: 'a new security requirement alternative',
  },
  {
    id: 'api-privilege-removed',
    breaking: true,
    what: 'an `x-privileges` entry is gone: a caller holding only it loses access',
  },
  {
    id: 'api-privilege-added',
    breaking: 'when the operation needed no privilege before (any one listed suffices)',
    what: 'a new `x-privileges` entry',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

/** Whether a change by `id` breaks; `condition` decides the rules whose breaking is conditional. */
export function breaks(id: RuleId, condition = false): boolean {
  const rule = BY_ID.get(id)!;
  return rule.breaking === true || (typeof rule.breaking === 'string' && condition);
}
