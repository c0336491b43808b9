/**
 * The offline verifier: `npm run verify -- --file <case.json> [--head <hash>]` checks an exported
 * case file (导出案卷), `npm run verify -- --data <dir>` every case of a SQLite store folder, both
 * without the server, with the hash function the store itself uses. Exits 0 when every chain is
 * intact, 1 when one is broken, 2 on bad arguments or an unreadable input.
 */
import { readFileSync } from 'node:fs';
import { describeCheck, verifyCaseFile, verifyStore, type StreamCheck } from './verify-chain';

const USAGE = 'usage: npm run verify -- --file <case.json> [--head <hash>] | --data <dir>';

async function main(args: string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const file = option('--file');
  const data = option('--data');
  const head = option('--head');
  if ((file === undefined) === (data === undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let checks: StreamCheck[];
  try {
    checks = file !== undefined ? [await verifyCaseFile(readFileSync(file, 'utf8'), head)] : await verifyStore(data as string);
  } catch (error) {
    process.stderr.write(`无法校验 cannot verify ${file ?? data}: ${(error as Error).message}\n`);
    return 2;
  }
  for (const check of checks) process.stdout.write(`${describeCheck(check)}\n`);
  const broken = checks.filter((check) => !check.result.valid).length;
  process.stdout.write(broken === 0 ? `完整 intact: ${checks.length} stream(s) verified\n` : `断链 BROKEN: ${broken} of ${checks.length} stream(s)\n`);
  return broken === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 2;
  },
);
