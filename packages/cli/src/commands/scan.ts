import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CoreError, defaultPolicy, loadPolicyFile, type Report, type ScanPolicy, toJson, toMarkdown, toText } from '@trustgate/core';
import { scanReport, scanSarif, scanStatement, withModelReferences } from '@trustgate/scanner';
import { parseCommandArgs } from '../args.js';
import { type CliIO, type Command, EXIT } from '../io.js';
import { mlBomText, SCAN_EXTRA_OPTIONS, SCAN_EXTRA_USAGE } from './scan-extras.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: trustgate scan PATH... [--policy F] [--format text|json|sarif|markdown] [--out F] [--statement F] [--mlbom F] [--sources]

Scans every file under each PATH by content (pickle, PyTorch, joblib, NumPy, zip/tar/gzip archives, ...).
  --policy F      .github/trustgate.yml-style policy (scan: failOn, allowGlobals, denyGlobals, limits)
  --format F      report format on stdout or in --out (default text)
  --out F         write the report to F instead of stdout
  --statement F   write an in-toto scan Statement (subjects: each file's sha256) to F
${SCAN_EXTRA_USAGE}
Exit codes: 0 nothing blocks, 1 a file's verdict is in the policy's failOn (default unsafe, error), 2 usage/config/I/O error.`;

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'sarif':
      return `${JSON.stringify(scanSarif(report), null, 2)}\n`;
    case 'markdown':
      return toMarkdown(report);
    default:
      return toText(report);
  }
}

async function write(io: CliIO, file: string, text: string): Promise<void> {
  const path = resolve(io.cwd, file);
  try {
    await writeFile(path, text);
  } catch (cause) {
    throw new CoreError(
      'IO_ERROR',
      `cannot write ${file} (${(cause as NodeJS.ErrnoException).code ?? 'I/O error'}); check the directory exists and is writable`,
      {
        cause,
        file,
      },
    );
  }
}

const scan: Command = {
  name: 'scan',
  summary: 'scan model files for unsafe code',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('scan', args, {
      policy: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      statement: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...SCAN_EXTRA_OPTIONS,
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new CoreError('USAGE_ERROR', `--format must be one of ${FORMATS.join(', ')}, got "${format}"; see trustgate scan --help`);
    if (positionals.length === 0) throw new CoreError('USAGE_ERROR', 'give at least one PATH to scan; see trustgate scan --help');
    const policy: ScanPolicy = values.policy ? (await loadPolicyFile(resolve(io.cwd, values.policy))).scan : defaultPolicy().scan;
    const progress = io.isTTY && !io.env.CI;
    const scanned = await scanReport(positionals, {
      policy,
      cwd: io.cwd,
      // Whole-file digests are read only for the outputs that carry them (DESIGN.md: JSON's sha256 is contract).
      digest: format === 'json' || values.statement !== undefined || values.mlbom !== undefined,
      onProgress: progress ? (done, total, path) => io.stderr(`\r\u001b[2K[${done}/${total}] ${path.slice(-60)}`) : undefined,
    });
    if (progress && scanned.files.length > 0) io.stderr('\r\u001b[2K');
    const report = values.sources ? await withModelReferences(scanned, positionals, policy, io.cwd) : scanned;
    const text = render(report, format);
    if (values.out) await write(io, values.out, text);
    else io.stdout(text);
    if (values.mlbom) await write(io, values.mlbom, mlBomText(report));
    if (values.statement) await write(io, values.statement, `${JSON.stringify(scanStatement(report), null, 2)}\n`);
    return report.summary.blocking ? EXIT.blocked : EXIT.ok;
  },
};

export default scan;
