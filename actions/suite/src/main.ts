import { runAction } from '@trustgate/action-kit';
import { suite } from './index.js';

await runAction(suite);
