import { parseArgs } from 'node:util';
import { convertFile } from './convertCommand';
import { readPoliciesFile } from './governance';
import { formatVerdict, passes, validateFiles } from './validateCommand';

const USAGE = `usage:
  datamesh validate [--json] [--policies <file>] <files or folders>...
      one line per descriptor (ok, or invalid with its first errors and their field
      paths); exits 0 only when every descriptor is valid
      --policies: also runs the governance policies of the file (a list of rules, or an
      app-config.yaml with datamesh.governance.policies) on every data product, with the
      catalog files given (groups, domains) as context; a failed error rule exits 1
  datamesh convert <file>
      prints the Backstage entities the catalog makes of the descriptor, as YAML`;

/** Runs the CLI; returns the exit code (also set on the process). */
export function main(argv: string[]): number {
  const code = run(argv);
  process.exitCode = code;
  return code;
}

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        policies: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { positionals, values } = parsed;
  try {
    if (command === 'validate' && positionals.length > 0) {
      let policies;
      try {
        policies = values.policies
          ? readPoliciesFile(values.policies)
          : undefined;
      } catch (error) {
        process.stderr.write(
          `${values.policies}: ${(error as Error).message}\n`,
        );
        return 2;
      }
      const verdicts = validateFiles(positionals, { policies });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
      } else {
        for (const verdict of verdicts) {
          process.stdout.write(`${formatVerdict(verdict)}\n`);
        }
        if (verdicts.length === 0) {
          process.stdout.write('no descriptors found\n');
        }
      }
      return verdicts.length > 0 && verdicts.every(passes) ? 0 : 1;
    }
    if (command === 'convert' && positionals.length === 1) {
      process.stdout.write(convertFile(positionals[0]));
      return 0;
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}
