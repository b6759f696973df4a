// Node 20's test runner loads --test-reporter modules before --import hooks apply, so it cannot read the
// TypeScript reporter alone: this plain module registers tsx first, then hands the events to it.
import { register } from 'tsx/esm/api';

register();
const { default: summaryReporter } = await import('./summary-reporter.ts');

export default summaryReporter;
