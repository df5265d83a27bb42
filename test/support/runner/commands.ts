/** An annotation a step wrote with `::error`, `::warning` or `::notice`, as GitHub reads the workflow command. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  title?: string;
}

export interface StdoutCommands {
  annotations: Annotation[];
  masks: string[];
  /** `::set-output` and other commands GitHub has disabled or deprecated */
  deprecated: string[];
  debug: string[];
}

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** Read workflow commands from a step's log the way the runner does: whole lines only, `::stop-commands::` honoured. */
export function readStdoutCommands(log: string): StdoutCommands {
  const out: StdoutCommands = { annotations: [], masks: [], deprecated: [], debug: [] };
  let stopToken: string | undefined;
  for (const line of log.split(/\r?\n/)) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const [, command = '', props = '', message = ''] = m;
    if (stopToken !== undefined) {
      if (command === stopToken) stopToken = undefined;
      continue;
    }
    const properties = Object.fromEntries(
      props
        .split(',')
        .filter((p) => p.includes('='))
        .map((p) => [p.slice(0, p.indexOf('=')).trim(), unescapeProperty(p.slice(p.indexOf('=') + 1))]),
    );
    switch (command) {
      case 'error':
      case 'warning':
      case 'notice': {
        const lineNo = properties.line ?? properties.startLine;
        out.annotations.push({
          level: command,
          message: unescapeData(message),
          ...(properties.file ? { file: properties.file } : {}),
          ...(lineNo ? { line: Number(lineNo) } : {}),
          ...(properties.title ? { title: properties.title } : {}),
        });
        break;
      }
      case 'add-mask':
        out.masks.push(unescapeData(message));
        break;
      case 'stop-commands':
        stopToken = message;
        break;
      case 'debug':
        out.debug.push(unescapeData(message));
        break;
      case 'set-output':
      case 'save-state':
      case 'set-env':
      case 'add-path':
        out.deprecated.push(line);
        break;
    }
  }
  return out;
}

/** A file command GitHub could not read: the runner fails the step. */
export class FileCommandError extends Error {
  readonly code = 'FILE_COMMAND_INVALID';
}

/**
 * GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines or `name<<DELIMITER` blocks. A block without its closing delimiter
 * or a line that is neither form fails the step, as the runner does.
 */
export function readFileCommands(text: string, kind: 'output' | 'env'): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq < 0 || line.indexOf('<<') < eq)) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const l = (lines[i] ?? '').replace(/\r$/, '');
        if (l === delimiter) {
          closed = true;
          break;
        }
        value.push(l);
      }
      if (!closed) throw new FileCommandError(`Unable to process file command '${kind}': matching delimiter '${delimiter}' not found`);
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new FileCommandError(`Unable to process file command '${kind}': invalid format '${line}'`);
    }
  }
  return out;
}
