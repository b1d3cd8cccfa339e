// `npm run -s scenario -- FILE.json`: prints the derived result of one scenario file as JSON, in
// the shape of its `expected` object (shared/scenarios/README.md). Exit 0 on success; 2 with a
// message on stderr when the file cannot be read or is not a scenario. The host-side shell only:
// the logic is the core's runScenario (core/engine/scenario.ts), which the scenario tests call too.
import { readFileSync } from 'node:fs';
import { isDomainError, messageFor, runScenario, type ErrorCode } from '../../core/index.js';

function main(argv: string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length !== 1) {
    process.stderr.write('usage: npm run -s scenario -- FILE.json\n');
    return 2;
  }
  let json: unknown;
  try {
    // A byte-order mark (some Windows editors write one) is not part of the JSON text.
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    process.stderr.write(`scenario: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const run = runScenario(json);
    for (const w of run.warnings) {
      const text = messageFor(w.code as ErrorCode, 'en', w.params ?? {});
      process.stderr.write(`warning ${w.code}${w.elementId ? ` (${w.elementId})` : ''}: ${text}\n`);
    }
    process.stdout.write(JSON.stringify(run.output, null, 2) + '\n');
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    process.stderr.write(`scenario: ${file}: ${messageFor(e.code, 'en', e.params)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
