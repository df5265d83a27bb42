/** One MCP server as a config file declares it; nothing here was run. */
export interface McpServer {
  name: string;
  /** The config file and the 1-based line that declares the server. */
  file: string;
  line: number;
  transport: 'stdio' | 'http' | 'sse' | 'devcontainer-feature';
  command?: string;
  args: string[];
  env: Record<string, string>;
  url?: string;
  headers: Record<string, string>;
  /** The config gives the remote server credentials (a header, a bearer-token variable, OAuth settings). */
  auth: boolean;
  /** The config lets the agent call the server's tools without asking (trust, alwaysAllow, autoApprove). */
  autoApprove: boolean;
  /** For a devcontainer feature: its OCI reference. */
  featureRef?: string;
}

/** A config-level setting that widens what agents may run (e.g. Claude's enableAllProjectMcpServers). */
export interface McpSetting {
  file: string;
  line: number;
  setting: string;
  value: string;
}

export interface McpConfig {
  servers: McpServer[];
  settings: McpSetting[];
}
