export { type AgentFileInput, type AgentFileResult, type AgentsReport, judgeAgentFiles } from './judge.js';
export { type Launch, launchOf, npmSpec, ociRef, pypiSpec } from './mcp/launch.js';
export type { JudgedServer } from './mcp/judge.js';
export { readMcpConfig } from './mcp/read.js';
export { inlineSecrets } from './mcp/secrets.js';
export type { McpConfig, McpServer } from './mcp/server.js';
export { type AgentFileKind, type AgentFileType, agentFileType, INSTRUCTION_FORMATS, MCP_FORMATS } from './paths.js';
export { agentsMarkdown, agentsSarif, agentsText } from './report.js';
export { AGENT_RULES } from './rules.js';
