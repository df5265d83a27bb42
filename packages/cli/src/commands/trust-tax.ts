import { notAvailable } from './not-available.js';

export default notAvailable(
  'trust-tax',
  'report the trust tax',
  `Usage: trustgate trust-tax [--database URL] [--repo O/R] [--since 30d] [--format table|json|csv|markdown]`,
);
