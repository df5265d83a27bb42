import { runAction } from '@trustgate/action-kit';
import { aiTag } from './index.js';

await runAction(aiTag);
