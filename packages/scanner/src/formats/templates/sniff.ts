import { jsonHeadMentions } from '../shared/bytes.js';

const TEMPLATE_WORDS = ['message', 'add_generation_prompt', 'bos_token', 'eos_token'];

export const sniffTokenizerConfig = (head: Uint8Array): boolean =>
  jsonHeadMentions(head, [
    'chat_template',
    'default_chat_template',
    'chat_templates',
    'tokenizer_class',
    'added_tokens_decoder',
    'model_max_length',
  ]);

const YAML_TEMPLATE_KEY = /^\s*(default_)?chat_templates?\s*:/m;

/** A YAML document with a chat-template key (serving and training configs). */
export const sniffTemplateYaml = (head: Uint8Array): boolean =>
  !head.includes(0) && YAML_TEMPLATE_KEY.test(new TextDecoder('utf-8').decode(head));

/** Jinja text that talks about chat messages: `chat_template.jinja` and its relatives. */
export function sniffChatTemplate(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  const text = new TextDecoder('utf-8').decode(head);
  return (text.includes('{%') || text.includes('{{')) && TEMPLATE_WORDS.some((w) => text.includes(w));
}
