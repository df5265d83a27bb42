// A process with one delivery worker that takes a job and holds it until it is killed (kill -9, by the test). Once it
// holds the job it prints the job's last heartbeat (the lease runs out `leaseMs` after it) as `holding <epoch ms>`.
// Run with --experimental-transform-types, so the App's source is what is tested.
import { openStore } from '@trustgate/metrics';
import { DeliveryJobs } from '../../src/deliveries/jobs.ts';

const { DATABASE_URL: databaseUrl, TRUSTGATE_DATA_DIR: dataDir, LEASE_MS } = process.env;
const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir });
const quiet = { info() {}, warn() {}, error() {} };
const jobs = await DeliveryJobs.start({ store, ...(databaseUrl ? { databaseUrl } : {}), leaseMs: Number(LEASE_MS), log: quiet });
await jobs.work(1, async () => {
  // Somewhere in the heartbeat's cycle, as a kill lands anywhere in it.
  await new Promise((r) => setTimeout(r, Math.random() * 3000));
  const { rows } = await store.query(
    "select (extract(epoch from heartbeat_on) * 1000)::float8 as at from trustgate_jobs.job where state = 'active'",
  );
  process.stdout.write(`holding ${rows[0].at}\n`);
  await new Promise(() => {});
});
