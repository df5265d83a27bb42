import { notAvailable } from './not-available.js';

export default notAvailable(
  'verify-model',
  'verify an OpenSSF model signature',
  `Usage: trustgate verify-model MODEL_DIR --signature F --certificate-identity ID --certificate-oidc-issuer URL [--trusted-root F]`,
);
