import { z } from 'zod';

/** The fields that name a server; `version` and `digest` only narrow one of them. */
const MCP_SERVER_NAMING_KEYS = ['name', 'package', 'image', 'command', 'host'] as const;

/** One allow or deny entry for MCP servers: every field given must match; at least one naming field must be given. */
export const mcpServerMatchSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe('Server name as the config file keys it.'),
    package: z.string().min(1).optional().describe('npm or PyPI package the server is launched from (npx, uvx, pipx, bunx...).'),
    version: z.string().min(1).optional().describe('Exact package version allowed (with `package`); "*" allows any pinned version.'),
    image: z.string().min(1).optional().describe('Container image repository, e.g. ghcr.io/github/github-mcp-server.'),
    digest: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .optional()
      .describe('Container image digest the image must be pinned to.'),
    command: z
      .string()
      .min(1)
      .optional()
      .describe('Executable a stdio server runs (path or bare name), for servers not launched from a package.'),
    host: z.string().min(1).optional().describe('Host of a remote (http/sse) server URL; "*.example.com" matches subdomains.'),
  })
  .refine((m) => MCP_SERVER_NAMING_KEYS.some((k) => m[k] !== undefined), {
    message: `an MCP server entry needs at least one of ${MCP_SERVER_NAMING_KEYS.join(', ')}`,
  })
  // The same rule for schema/trustgate.schema.json (JSON Schema cannot run the refine above).
  .meta({ anyOf: MCP_SERVER_NAMING_KEYS.map((k) => ({ required: [k] })) });

/** `agents:` — MCP servers, skills and instruction files that a change adds or modifies, judged statically. */
export const agentsPolicySchema = z
  .strictObject({
    mcp: z
      .strictObject({
        allow: z.array(mcpServerMatchSchema).default([]).describe('Approved MCP servers.'),
        deny: z.array(mcpServerMatchSchema).default([]).describe('Forbidden MCP servers; deny wins over allow.'),
        unlisted: z
          .enum(['block', 'review'])
          .default('block')
          .describe('What a server on neither list gets: blocked (unsafe) by default, or only flagged for review.'),
      })
      .default({ allow: [], deny: [], unlisted: 'block' }),
    review: z
      .strictObject({
        teams: z.array(z.string().min(1)).default([]).describe('org/team slugs whose members may approve agent configuration changes.'),
        users: z.array(z.string().min(1)).default([]),
        count: z.number().int().min(1).default(1),
      })
      .optional()
      .describe('The architecture-review rule every change to MCP configs, skills or instruction files needs, whatever its cohort.'),
    pinned: z
      .array(z.strictObject({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
      .default([])
      .describe('The approved set: when non-empty, every agent file must be listed with its sha256, so any drift fails.'),
  })
  .describe('Agent governance: MCP servers, skills and instruction files.');

export type AgentsPolicy = z.infer<typeof agentsPolicySchema>;
export type McpServerMatch = z.infer<typeof mcpServerMatchSchema>;
