import { runAction } from '@trustgate/action-kit';
import { modelScan } from './index.js';

await runAction(modelScan);
