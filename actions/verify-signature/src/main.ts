import { runAction } from '@trustgate/action-kit';
import { verifySignature } from './index.js';

await runAction(verifySignature);
