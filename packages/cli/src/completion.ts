import type { CommandSpec, OptionSpec, PositionalSpec } from './spec.js';

/** Shell completion scripts generated from the command specs, so a new option completes without touching this file. */

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function subName(parent: CommandSpec, sub: CommandSpec): string {
  return sub.name.slice(parent.name.length + 1);
}

function flags(spec: CommandSpec): string[] {
  return [...Object.entries(spec.options).flatMap(([n, o]) => (o.short ? [`--${n}`, `-${o.short}`] : [`--${n}`])), '--help', '-h'];
}

type Completer = { words: string } | { files: 'file' | 'directory' } | { none: true };

function valueCompleter(o: OptionSpec | PositionalSpec, specs: readonly CommandSpec[]): Completer {
  if (o.choices) return { words: o.choices.join(' ') };
  if (o.kind === 'file' || o.kind === 'path' || o.kind === 'output') return { files: 'file' };
  if (o.kind === 'directory') return { files: 'directory' };
  if ('name' in o && o.name === 'COMMAND') return { words: specs.map((s) => s.name).join(' ') };
  return { none: true };
}

function bashReply(c: Completer): string {
  if ('words' in c) return `_trustgate_reply -W ${quote(c.words)}`;
  if ('files' in c) return c.files === 'directory' ? '_trustgate_files -d' : '_trustgate_files -f';
  return 'COMPREPLY=()';
}

function bashCase(spec: CommandSpec, specs: readonly CommandSpec[]): string {
  const byValue = new Map<string, string[]>();
  for (const [n, o] of Object.entries(spec.options)) {
    if (o.type !== 'string') continue;
    const reply = bashReply(valueCompleter(o, specs));
    byValue.set(reply, [...(byValue.get(reply) ?? []), `--${n}`, ...(o.short ? [`-${o.short}`] : [])]);
  }
  const valueCases = [...byValue].map(([reply, names]) => `        ${names.join('|')}) ${reply}; return ;;`).join('\n');
  const subs = (spec.subcommands ?? []).map((s) => subName(spec, s));
  const positional = spec.positionals?.[0];
  const rest = subs.length
    ? `_trustgate_reply -W ${quote(subs.join(' '))}`
    : positional
      ? bashReply(valueCompleter(positional, specs))
      : 'COMPREPLY=()';
  return `    ${quote(spec.name)})
      case $prev in
${valueCases}
      esac
      if [[ $cur == -* ]]; then _trustgate_reply -W ${quote(flags(spec).join(' '))}; return; fi
      ${rest} ;;`;
}

export function bashCompletion(specs: readonly CommandSpec[]): string {
  const all = specs.flatMap(function flat(s: CommandSpec): CommandSpec[] {
    return [s, ...(s.subcommands ?? []).flatMap(flat)];
  });
  return `# bash completion for trustgate (generated: trustgate completion bash)
_trustgate_reply() { mapfile -t COMPREPLY < <(compgen "$@" -- "$cur"); }
_trustgate_files() { compopt -o filenames 2>/dev/null; _trustgate_reply "$@"; }
_trustgate() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd='' w i
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    case "\${cmd:+$cmd }$w" in
      ${all.map((s) => quote(s.name)).join('|')}) cmd="\${cmd:+$cmd }$w" ;;
      *) break ;;
    esac
  done
  case $cmd in
    '') _trustgate_reply -W ${quote([...specs.map((s) => s.name), '--help', '--version', '-v'].join(' '))} ;;
${all.map((s) => bashCase(s, specs)).join('\n')}
  esac
}
complete -F _trustgate trustgate
`;
}

const zshText = (s: string) => s.replace(/\n.*/s, '').replace(/([[\]:\\])/g, '\\$1');

function zshAction(c: Completer): string {
  if ('words' in c) return `(${c.words})`;
  if ('files' in c) return c.files === 'directory' ? '_files -/' : '_files';
  return ' ';
}

function zshArguments(spec: CommandSpec, specs: readonly CommandSpec[]): string[] {
  const args: string[] = [];
  for (const [n, o] of Object.entries(spec.options)) {
    const value = o.type === 'string' ? `:${o.value ?? 'VALUE'}:${zshAction(valueCompleter(o, specs))}` : '';
    const names = o.short ? `{-${o.short},--${n}}` : `--${n}`;
    const spec = `[${zshText(o.description)}]${value}`;
    if (o.short) args.push(`${o.multiple ? "'*'" : ''}${names}${quote(spec)}`);
    else args.push(quote(`${o.multiple ? '*' : ''}${names}${spec}`));
  }
  args.push("'(- *)'{-h,--help}'[show the help]'");
  (spec.positionals ?? []).forEach((p, i) => {
    const pos = p.variadic ? '*' : String(i + 1);
    args.push(quote(`${pos}:${p.name}:${zshAction(valueCompleter(p, specs))}`));
  });
  return args;
}

function zshFunction(spec: CommandSpec, specs: readonly CommandSpec[]): string {
  const fn = `_trustgate_${spec.name.replace(/[^a-z0-9]+/g, '_')}`;
  const own = zshArguments(spec, specs).join(' \\\n    ');
  if (!spec.subcommands?.length) return `${fn}() {\n  _arguments -s \\\n    ${own}\n}\n`;
  const subs = spec.subcommands.map((s) => quote(`${subName(spec, s)}:${zshText(s.summary)}`)).join(' ');
  const cases = spec.subcommands
    .map((s) => `    ${subName(spec, s)}) shift words; (( CURRENT-- )); _trustgate_${s.name.replace(/[^a-z0-9]+/g, '_')} ;;`)
    .join('\n');
  return `${fn}() {
  if (( CURRENT == 2 )) && [[ $words[CURRENT] != -* ]]; then
    local -a subs; subs=(${subs}); _describe -t subcommands subcommand subs; return
  fi
  case $words[2] in
${cases}
    *) _arguments -s \\
    ${own} ;;
  esac
}
${spec.subcommands.map((s) => zshFunction(s, specs)).join('')}`;
}

export function zshCompletion(specs: readonly CommandSpec[]): string {
  const cmds = specs.map((s) => quote(`${s.name}:${zshText(s.summary)}`)).join(' \\\n    ');
  const cases = specs.map((s) => `    ${s.name}) _trustgate_${s.name.replace(/[^a-z0-9]+/g, '_')} ;;`).join('\n');
  return `#compdef trustgate
# zsh completion for trustgate (generated: trustgate completion zsh)
${specs.map((s) => zshFunction(s, specs)).join('')}
_trustgate() {
  if (( CURRENT == 2 )); then
    local -a cmds; cmds=(
    ${cmds}
    ); _describe -t commands command cmds; return
  fi
  shift words; (( CURRENT-- ))
  case $words[1] in
${cases}
  esac
}
if (( $+functions[compdef] )); then compdef _trustgate trustgate; fi
`;
}
