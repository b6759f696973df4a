// A named, ordered rule chain after markdown-it's Ruler (lib/ruler.mjs): rules are pushed or placed before/after
// another by name, enabled or disabled by name, and every finding a rule makes carries its name.

interface Entry<Rule> {
  name: string;
  rule: Rule;
  enabled: boolean;
}

export class Ruler<Rule> {
  private readonly entries: Entry<Rule>[] = [];

  /** `chain` qualifies the rule names, e.g. `swagger2markup/operation` gives `swagger2markup/operation/endpoint`. */
  constructor(readonly chain: string) {}

  push(name: string, rule: Rule): this {
    this.entries.push({ name: this.qualified(name), rule, enabled: true });
    return this;
  }

  before(beforeName: string, name: string, rule: Rule): this {
    this.entries.splice(this.indexOf(beforeName), 0, { name: this.qualified(name), rule, enabled: true });
    return this;
  }

  after(afterName: string, name: string, rule: Rule): this {
    this.entries.splice(this.indexOf(afterName) + 1, 0, { name: this.qualified(name), rule, enabled: true });
    return this;
  }

  /** Enables the named rules (qualified names) this chain holds; returns the names it held. */
  enable(names: readonly string[]): string[] {
    return this.toggle(names, true);
  }

  /** Disables the named rules (qualified names) this chain holds; returns the names it held. */
  disable(names: readonly string[]): string[] {
    return this.toggle(names, false);
  }

  /** The enabled rules in order, each with its qualified name. */
  getRules(): [name: string, rule: Rule][] {
    return this.entries.filter((e) => e.enabled).map((e) => [e.name, e.rule]);
  }

  /** Every rule's qualified name, enabled or not. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  private qualified(name: string): string {
    return `${this.chain}/${name}`;
  }

  private indexOf(name: string): number {
    const i = this.entries.findIndex((e) => e.name === this.qualified(name));
    if (i < 0) throw new Error(`rule chain ${this.chain} has no rule ${name}`);
    return i;
  }

  private toggle(names: readonly string[], enabled: boolean): string[] {
    const held = this.entries.filter((e) => names.includes(e.name));
    for (const e of held) e.enabled = enabled;
    return held.map((e) => e.name);
  }
}
