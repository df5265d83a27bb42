import { notAvailable } from './not-available.js';

export default notAvailable(
  'scan',
  'scan model files for unsafe code',
  `Usage: trustgate scan PATH... [--policy F] [--format text|json|sarif|markdown] [--out F] [--mlbom F]`,
);
