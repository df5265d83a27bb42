// Regenerates history.json: a small seeded synthetic organisation (3 repositories, 40 developers, about 250 PRs
// by human, assisted, agent and unknown authors, with reviews, CI, pushes and patches). Run after `npm run build`.
import { writeFileSync } from 'node:fs';
import { syntheticOrganisation } from '../../packages/metrics/dist/index.js';

const history = syntheticOrganisation({ seed: 7, pullRequests: 240 });
writeFileSync(new URL('./history.json', import.meta.url), `${JSON.stringify(history)}\n`);
console.log(`history.json: ${history.pullRequests.length} pull requests`);
