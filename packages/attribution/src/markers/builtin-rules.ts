// Generated from rules/markers.json by rules/generate.mjs; edit the JSON and rerun `node packages/attribution/rules/generate.mjs`.
import type { MarkerRulesFile } from './rules.js';

export const BUILTIN_RULES_FILE: MarkerRulesFile = {
  "version": 1,
  "rules": [
    {
      "id": "TG-AI-001",
      "tool": "GitHub Copilot coding agent",
      "agent": "copilot",
      "tier": "agent",
      "on": "pr-author",
      "pattern": "copilot|copilot-swe-agent\\[bot\\]",
      "evidence": "documented",
      "source": "https://docs.github.com/en/copilot/concepts/agents/coding-agent/about-coding-agent (PRs opened by Copilot; assignee login copilot-swe-agent[bot] in the REST assignment API)"
    },
    {
      "id": "TG-AI-002",
      "tool": "GitHub Copilot coding agent",
      "agent": "copilot",
      "tier": "agent",
      "on": "author-login",
      "pattern": "copilot|copilot-swe-agent\\[bot\\]",
      "evidence": "documented",
      "source": "https://github.com/orgs/community/discussions/179983 (commits of Copilot PRs carry Copilot as author)"
    },
    {
      "id": "TG-AI-003",
      "tool": "GitHub Copilot coding agent",
      "agent": "copilot",
      "tier": "agent",
      "on": "author-email",
      "pattern": "\\d+\\+copilot@users\\.noreply\\.github\\.com",
      "evidence": "observed",
      "source": "commits of copilot-swe-agent[bot] use <198982749+Copilot@users.noreply.github.com>"
    },
    {
      "id": "TG-AI-004",
      "tool": "GitHub Copilot coding agent",
      "agent": "copilot",
      "tier": "agent",
      "on": "branch",
      "pattern": "copilot/.+",
      "evidence": "documented",
      "source": "https://docs.github.com/en/copilot/concepts/agents/coding-agent/about-coding-agent (Copilot can only push to branches whose names begin with copilot/)"
    },
    {
      "id": "TG-AI-005",
      "tool": "GitHub Copilot (VS Code, Copilot CLI)",
      "agent": "copilot",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<(\\d+\\+)?copilot@users\\.noreply\\.github\\.com>",
      "evidence": "documented",
      "source": "https://github.com/microsoft/vscode/pull/309951 (AI_CO_AUTHOR_TRAILER) and https://github.com/orgs/community/discussions/203517 (Copilot CLI)"
    },
    {
      "id": "TG-AI-010",
      "tool": "Claude Code",
      "agent": "claude-code",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<noreply@anthropic\\.com>",
      "evidence": "documented",
      "source": "https://docs.anthropic.com/en/docs/claude-code/settings (includeCoAuthoredBy: Co-Authored-By: Claude <noreply@anthropic.com>)"
    },
    {
      "id": "TG-AI-011",
      "tool": "Claude Code",
      "agent": "claude-code",
      "tier": "assisted",
      "on": "pr-body",
      "pattern": "Generated with \\[Claude Code\\]\\(https://(www\\.)?(claude\\.com|claude\\.ai|anthropic\\.com)/",
      "evidence": "documented",
      "source": "https://docs.anthropic.com/en/docs/claude-code/settings (the 'Generated with [Claude Code]' footer of commits and PRs)"
    },
    {
      "id": "TG-AI-012",
      "tool": "Claude Code",
      "agent": "claude-code",
      "tier": "assisted",
      "on": "message",
      "pattern": "Generated with \\[Claude Code\\]\\(https://(www\\.)?(claude\\.com|claude\\.ai|anthropic\\.com)/",
      "evidence": "documented",
      "source": "https://docs.anthropic.com/en/docs/claude-code/settings (the 'Generated with [Claude Code]' footer of commits and PRs)"
    },
    {
      "id": "TG-AI-013",
      "tool": "claude-code-action",
      "agent": "claude-code",
      "tier": "agent",
      "on": "pr-author",
      "pattern": "claude\\[bot\\]",
      "evidence": "observed",
      "source": "https://github.com/anthropics/claude-code-action (the Claude GitHub App acts as claude[bot])"
    },
    {
      "id": "TG-AI-014",
      "tool": "claude-code-action",
      "agent": "claude-code",
      "tier": "agent",
      "on": "author-email",
      "pattern": "\\d+\\+claude\\[bot\\]@users\\.noreply\\.github\\.com",
      "evidence": "observed",
      "source": "https://github.com/anthropics/claude-code-action (commits signed as claude[bot])"
    },
    {
      "id": "TG-AI-015",
      "tool": "claude-code-action",
      "agent": "claude-code",
      "tier": "agent",
      "on": "branch",
      "pattern": "claude/(issue|pr)-\\d+-.+",
      "evidence": "observed",
      "source": "https://github.com/anthropics/claude-code-action (branches claude/issue-N-<timestamp>, claude/pr-N-<timestamp>)"
    },
    {
      "id": "TG-AI-020",
      "tool": "Cursor cloud agent",
      "agent": "cursor",
      "tier": "agent",
      "on": "author-email",
      "pattern": "cursoragent@cursor\\.com",
      "evidence": "observed",
      "source": "Cursor background/cloud agents commit as 'Cursor Agent <cursoragent@cursor.com>' (seen in public histories, e.g. vllm-project/vllm, sgl-project/sglang)"
    },
    {
      "id": "TG-AI-021",
      "tool": "Cursor",
      "agent": "cursor",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<cursoragent@cursor\\.com>",
      "evidence": "observed",
      "source": "Co-authored-by: Cursor Agent <cursoragent@cursor.com> added by Cursor (public histories, e.g. vllm-project/vllm)"
    },
    {
      "id": "TG-AI-022",
      "tool": "Cursor",
      "agent": "cursor",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Made-with",
      "pattern": "cursor",
      "evidence": "observed",
      "source": "Made-with: Cursor trailer (e.g. agentclientprotocol/agent-client-protocol#703)"
    },
    {
      "id": "TG-AI-023",
      "tool": "Cursor",
      "agent": "cursor",
      "tier": "assisted",
      "on": "pr-body",
      "pattern": "Made with \\[Cursor\\]\\(https://cursor\\.com\\)",
      "evidence": "observed",
      "source": "PR footer 'Made with [Cursor](https://cursor.com)' (e.g. aryaniyaps/ultimate-pi#148)"
    },
    {
      "id": "TG-AI-024",
      "tool": "Cursor cloud agent",
      "agent": "cursor",
      "tier": "agent",
      "on": "branch",
      "pattern": "cursor/.+-[0-9a-f]{4}",
      "evidence": "observed",
      "source": "Cursor cloud agent branches cursor/<slug>-<4 hex> (inferred from public agent logs; no vendor documentation found)"
    },
    {
      "id": "TG-AI-030",
      "tool": "Aider",
      "agent": "aider",
      "tier": "assisted",
      "on": "name-suffix",
      "pattern": " \\(aider\\)$",
      "evidence": "documented",
      "source": "https://aider.chat/docs/git.html (--attribute-author / --attribute-committer append '(aider)' to the name)"
    },
    {
      "id": "TG-AI-031",
      "tool": "Aider",
      "agent": "aider",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": "aider( \\(.*\\))? <noreply@aider\\.(chat|dev)>",
      "evidence": "documented",
      "source": "https://aider.chat/docs/git.html (--attribute-co-authored-by); aider/repo.py commit docstring"
    },
    {
      "id": "TG-AI-032",
      "tool": "Aider",
      "agent": "aider",
      "tier": "assisted",
      "on": "subject",
      "pattern": "^aider: ",
      "evidence": "documented",
      "source": "https://aider.chat/docs/git.html (--attribute-commit-message-author prefixes 'aider: ')"
    },
    {
      "id": "TG-AI-040",
      "tool": "Devin",
      "agent": "devin",
      "tier": "agent",
      "on": "pr-author",
      "pattern": "devin-ai-integration\\[bot\\]",
      "evidence": "documented",
      "source": "https://docs.devin.ai (Devin's GitHub integration opens PRs as devin-ai-integration[bot])"
    },
    {
      "id": "TG-AI-041",
      "tool": "Devin",
      "agent": "devin",
      "tier": "agent",
      "on": "author-email",
      "pattern": "\\d+\\+devin-ai-integration\\[bot\\]@users\\.noreply\\.github\\.com",
      "evidence": "observed",
      "source": "Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com> in public histories"
    },
    {
      "id": "TG-AI-042",
      "tool": "Devin",
      "agent": "devin",
      "tier": "agent",
      "on": "pr-body",
      "pattern": "Link to Devin run\\W*https://app\\.devin\\.ai/sessions/[0-9a-f]+",
      "evidence": "observed",
      "source": "Devin PR bodies end with 'Link to Devin run: https://app.devin.ai/sessions/<id>' and 'Requested by: ...'"
    },
    {
      "id": "TG-AI-050",
      "tool": "OpenAI Codex cloud",
      "agent": "codex",
      "tier": "agent",
      "on": "pr-body",
      "pattern": "https://chatgpt\\.com/codex/tasks/task_[a-z0-9_]+",
      "evidence": "observed",
      "source": "Codex cloud PR bodies link the task: [Codex Task](https://chatgpt.com/codex/tasks/task_e_...)"
    },
    {
      "id": "TG-AI-051",
      "tool": "OpenAI Codex cloud",
      "agent": "codex",
      "tier": "agent",
      "on": "branch",
      "pattern": "codex/.+",
      "evidence": "observed",
      "source": "Codex cloud PRs are opened as the human from codex/<slug> branches (issue 7; no vendor documentation found)"
    },
    {
      "id": "TG-AI-052",
      "tool": "OpenAI Codex",
      "agent": "codex",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<codex@openai\\.com>",
      "evidence": "observed",
      "source": "Co-authored-by: Codex <codex@openai.com> in public histories (no vendor documentation found)"
    },
    {
      "id": "TG-AI-060",
      "tool": "OpenHands",
      "agent": "openhands",
      "tier": "agent",
      "on": "author-email",
      "pattern": "openhands@all-hands\\.dev",
      "evidence": "documented",
      "source": "OpenHands system prompt VERSION_CONTROL: default git identity openhands <openhands@all-hands.dev>"
    },
    {
      "id": "TG-AI-061",
      "tool": "OpenHands",
      "agent": "openhands",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<openhands@all-hands\\.dev>",
      "evidence": "documented",
      "source": "OpenHands system prompt VERSION_CONTROL: 'add Co-authored-by: openhands <openhands@all-hands.dev>'"
    },
    {
      "id": "TG-AI-070",
      "tool": "Jules",
      "agent": "jules",
      "tier": "agent",
      "on": "pr-author",
      "pattern": "google-labs-jules\\[bot\\]",
      "evidence": "observed",
      "source": "https://jules.google (PRs opened by google-labs-jules[bot])"
    },
    {
      "id": "TG-AI-071",
      "tool": "Jules",
      "agent": "jules",
      "tier": "agent",
      "on": "author-email",
      "pattern": "\\d+\\+google-labs-jules\\[bot\\]@users\\.noreply\\.github\\.com",
      "evidence": "observed",
      "source": "161369871+google-labs-jules[bot]@users.noreply.github.com in public histories"
    },
    {
      "id": "TG-AI-080",
      "tool": "Gemini CLI",
      "agent": "gemini",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<gemini-cli@google\\.com>",
      "evidence": "observed",
      "source": "Gemini CLI <gemini-cli@google.com> is the identity of gemini-cli's shadow repository (packages/core/src/services/gitService.ts); used as a co-author by convention"
    },
    {
      "id": "TG-AI-081",
      "tool": "Gemini Code Assist",
      "agent": "gemini",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<\\d+\\+gemini-code-assist\\[bot\\]@users\\.noreply\\.github\\.com>",
      "evidence": "observed",
      "source": "suggestions of gemini-code-assist[bot] applied on GitHub add it as co-author"
    },
    {
      "id": "TG-AI-090",
      "tool": "Amazon Q Developer",
      "agent": "amazon-q",
      "tier": "agent",
      "on": "pr-author",
      "pattern": "amazon-q-developer\\[bot\\]",
      "evidence": "observed",
      "source": "Amazon Q Developer for GitHub acts as amazon-q-developer[bot]"
    },
    {
      "id": "TG-AI-091",
      "tool": "Amazon Q Developer",
      "agent": "amazon-q",
      "tier": "agent",
      "on": "author-email",
      "pattern": "\\d+\\+amazon-q-developer\\[bot\\]@users\\.noreply\\.github\\.com",
      "evidence": "observed",
      "source": "208079219+amazon-q-developer[bot]@users.noreply.github.com (GitHub Users API)"
    },
    {
      "id": "TG-AI-100",
      "tool": "Qwen Code",
      "agent": "qwen-code",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Co-authored-by",
      "pattern": ".*<qwen-coder@alibabacloud\\.com>",
      "evidence": "documented",
      "source": "https://github.com/QwenLM/qwen-code (gitCoAuthor default: Qwen-Coder <qwen-coder@alibabacloud.com>)"
    },
    {
      "id": "TG-AI-110",
      "tool": "Linux kernel Assisted-by",
      "agent": "from-trailer",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Assisted-by",
      "pattern": "(?<agent>[^\\s:]+):\\S+(\\s.*)?",
      "evidence": "documented",
      "source": "https://docs.kernel.org/process/coding-assistants.html (Assisted-by: AGENT_NAME:MODEL_VERSION [TOOL1] [TOOL2])"
    },
    {
      "id": "TG-AI-111",
      "tool": "OpenStack Assisted-By",
      "agent": "from-trailer",
      "tier": "assisted",
      "on": "trailer",
      "trailer": "Assisted-by",
      "pattern": "(?<agent>[^\\s:]+)(\\s.*)?",
      "evidence": "documented",
      "source": "https://docs.openstack.org/nova/latest/contributor/commit-messages.html (Assisted-By: <tool-name> [model-version], OpenInfra AI policy)"
    },
    {
      "id": "TG-AI-112",
      "tool": "ASF / OpenStack Generated-by",
      "agent": "from-trailer",
      "tier": "agent",
      "on": "trailer",
      "trailer": "Generated-by",
      "pattern": "(?<agent>[^\\s:]+)(\\s.*)?",
      "evidence": "documented",
      "source": "https://www.apache.org/legal/generative-tooling.html (Generated-by: token) and https://docs.openstack.org/nova/latest/contributor/commit-messages.html (Generated-By: mostly machine-authored)"
    },
    {
      "id": "TG-BOT-001",
      "tool": "Dependabot",
      "agent": "dependabot",
      "tier": "bot",
      "on": "pr-author",
      "pattern": "dependabot\\[bot\\]",
      "evidence": "documented",
      "source": "https://docs.github.com/en/code-security/dependabot (PRs opened by dependabot[bot])"
    },
    {
      "id": "TG-BOT-002",
      "tool": "Renovate",
      "agent": "renovate",
      "tier": "bot",
      "on": "pr-author",
      "pattern": "renovate\\[bot\\]",
      "evidence": "documented",
      "source": "https://docs.renovatebot.com (the Renovate GitHub App opens PRs as renovate[bot])"
    }
  ]
};
