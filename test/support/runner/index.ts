// A local runner for GitHub Actions workflows, on GitHub's own parser (@actions/workflow-parser) and expression
// engine (@actions/expressions). Test infrastructure: third-party actions are recorded stand-ins (./fakes).
export type { Annotation } from './commands.js';
export { type FakeCall, type Permissions, RECORDED, type RecordedAction, type SarifUpload } from './fakes/index.js';
export { isForkPullRequest, type JobRecord, type Outcome, type RunOptions, runWorkflow, type StepRecord, type WorkflowRun } from './job.js';
export { ANNOTATIONS_PER_TYPE_PER_STEP, STEP_SUMMARY_BYTES } from './limits.js';
export { loadAction, loadWorkflow, WorkflowFileError } from './template.js';
export { FIXTURES, type FileSpec, fixture, git, gitCheckout, lfsPointer, monorepoFiles, REPO, writeFiles } from './workspace.js';
