// Redocly plugin with the project rule no configurable rule can express: every privilege the description
// names must be in x-privileges (the server enforces x-privileges, so a privilege only in prose is unenforced).
import { privilegesFromPlainText } from '../rebuild/extract/privileges.ts';

interface Report {
  message: string;
  location: unknown;
}
interface Ctx {
  report(problem: Report): void;
  location: { child(path: string[]): unknown };
}
interface OperationNode {
  description?: string;
  'x-privileges'?: string[];
}

function privilegesDocumented() {
  return {
    Operation(operation: OperationNode, ctx: Ctx) {
      const named = privilegesFromPlainText((operation.description ?? '').replace(/`/g, ''));
      const declared = new Set(operation['x-privileges'] ?? []);
      if (!Array.isArray(operation['x-privileges'])) {
        ctx.report({ message: 'Operation has no x-privileges list.', location: ctx.location.child(['x-privileges']) });
        return;
      }
      for (const privilege of named) {
        if (!declared.has(privilege)) {
          ctx.report({
            message: `Privilege \`${privilege}\` is named in the description but missing from x-privileges.`,
            location: ctx.location.child(['x-privileges']),
          });
        }
      }
    },
  };
}

export default function onedataPlugin() {
  return {
    id: 'onedata',
    rules: { oas3: { 'privileges-documented': privilegesDocumented } },
  };
}
