import type { RuleDescriptor } from '@trustgate/core/base';

const help = 'Replace the chat template with the upstream one, or review it line by line before any tokenizer renders it.';

export const TEMPLATE_RULES: readonly RuleDescriptor[] = [
  {
    id: 'TG-TPL-001',
    name: 'ChatTemplateUnparsable',
    summary: 'A chat template could not be parsed, so it could not be checked.',
    severity: 'medium',
    help,
  },
  {
    id: 'TG-TPL-002',
    name: 'ChatTemplatePrivateAttribute',
    summary:
      'A chat template reaches a private or dunder attribute (__globals__, __class__, __subclasses__, __builtins__, ...): the Jinja sandbox escape (SSTI) pattern.',
    severity: 'critical',
    help,
  },
  {
    id: 'TG-TPL-003',
    name: 'ChatTemplateSstiHelper',
    summary: 'A chat template uses a Jinja global known from SSTI payloads (lipsum, cycler, joiner).',
    severity: 'high',
    help,
  },
  {
    id: 'TG-TPL-004',
    name: 'ChatTemplateNamespace',
    summary: 'A chat template uses namespace(); common in legitimate templates, recorded for review of the rest.',
    severity: 'low',
    help,
  },
  {
    id: 'TG-TPL-005',
    name: 'ChatTemplateDynamicAttribute',
    summary: 'A chat template looks up attributes by computed name (attr filter with a non-literal).',
    severity: 'medium',
    help,
  },
  { id: 'TG-TPL-006', name: 'ChatTemplateTooLarge', summary: 'A chat template is larger than the analysis cap.', severity: 'medium', help },
  {
    id: 'TG-TPL-007',
    name: 'TokenizerConfigMalformed',
    summary: 'tokenizer_config.json is not valid JSON or its chat_template has an unexpected shape.',
    severity: 'high',
    help,
  },
];
