import { runAction } from '@trustgate/action-kit';
import { promotionGate } from './index.js';

await runAction(promotionGate);
