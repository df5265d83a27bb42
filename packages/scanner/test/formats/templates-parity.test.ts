import { describe, expect, test } from '@jest/globals';
import { analyseTemplate } from '../../src/formats/templates/index.js';
import { havePython, python } from '../corpus/python.js';

// Jinja 3 syntax chat templates use, and some it rejects; Python's jinja2 parser says which is which.
const TEMPLATES: readonly string[] = [
  '{{ (1, 2) }}',
  '{{ () }}',
  '{% for a, b in items %}{{ a }}{% endfor %}',
  '{{ x|tojson }}',
  "{{ x | default('a') | upper }}",
  '{% set ns = namespace(a=1) %}{{ ns.a }}',
  '{% set x %}block{% endset %}{{ x }}',
  '{{ x is defined }}',
  '{{ x is not none }}',
  '{{ 1 if x else 2 }}',
  '{{ 1 if x }}',
  "{{ messages[0]['content'] }}",
  '{{ x[1:] }}',
  '{{ x[::2] }}',
  '{{ x ~ y }}',
  '{% macro m(a, b=2) %}{{ a }}{% endmacro %}{{ m(1) }}',
  '{% raw %}{{ x }}{% endraw %}',
  '{% filter upper %}x{% endfilter %}',
  "{{ {'a': 1}['a'] }}",
  '{{ [1, 2][0] }}',
  '{{ f(*args, **kw) }}',
  "{{ x.y(z)|join(', ') }}",
  '{% if a %}1{% elif b %}2{% else %}3{% endif %}',
  '{{- x -}}',
  '{%- if x -%}y{%- endif -%}',
  '{# comment #}',
  "{{ 'a' in b }}",
  '{{ not a and b or c }}',
  '{{ a // b % c ** d }}',
  '{% for x in y if x %}{{ loop.index }}{% else %}none{% endfor %}',
  '{% call m() %}inner{% endcall %}',
  "{{ x|selectattr('a', 'equalto', 1)|list }}",
  '{{ "dq" + \'sq\' }}',
  '{% set a, b = 1, 2 %}',
  '{{ (a) }}',
  '{{ a.b.c }}',
  '{{ x if y is string else z }}',
  '{{ 1 + }}',
  '{% for %}',
  '{{ x',
  '{% endif %}',
];

const hasJinja = havePython(['jinja2']);

describe('chat templates are parsed as Jinja 3 parses them', () => {
  (hasJinja ? test : test.skip)('every template jinja2 parses is checked, every one it rejects is a parse failure (error)', () => {
    const parses = python<boolean[]>(
      'import json, sys, jinja2\nenv = jinja2.Environment()\nout = []\nfor t in json.load(sys.stdin):\n    try:\n        env.parse(t); out.append(True)\n    except Exception:\n        out.append(False)\nprint(json.dumps(out))',
      TEMPLATES,
    );
    const ours = TEMPLATES.map((t) => !analyseTemplate(t, 't', 'chat template').some((f) => f.rule === 'TG-TPL-001'));
    expect(TEMPLATES.map((t, i) => [t, ours[i]])).toEqual(TEMPLATES.map((t, i) => [t, parses[i]]));
  });
});
