import { notAvailable } from './not-available.js';

export default notAvailable(
  'gate',
  'decide a promotion',
  `Usage: trustgate gate --policy F --environment NAME --subject sha256:HEX --evidence F... [--format json|markdown]`,
);
