import { notAvailable } from './not-available.js';

export default notAvailable(
  'verify-bundle',
  'verify a Sigstore bundle',
  `Usage: trustgate verify-bundle [--staging] --bundle F (--certificate-identity ID --certificate-oidc-issuer URL | --key PEM) [--trusted-root F] FILE_OR_DIGEST`,
);
