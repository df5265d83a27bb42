export { chatTemplateAnalyser, chatTemplateFindings, chatTemplateYamlAnalyser, tokenizerConfigAnalyser } from './analysers.js';
export { analyseTemplate, MAX_TEMPLATE_CHARS } from './ast.js';
export { TEMPLATE_RULES } from './rules.js';
