// `npm run bench [-- AREA [options]]`: runs the benchmark programs and prints each figure as
// `name: value unit`. With no area, runs every area with its default (full-size) options.
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const AREAS = ['core', 'store', 'documents', 'desk', 'postal', 'sender', 'sync'] as const;

export interface BenchModule {
  run(args: string[]): Promise<void>;
}

async function main(): Promise<void> {
  const [area, ...rest] = process.argv.slice(2);
  const here = dirname(fileURLToPath(import.meta.url));
  const selected = area ? [area] : [...AREAS];
  for (const name of selected) {
    const file = join(here, `${name}.ts`);
    if (!existsSync(file)) {
      if (area) {
        console.error(`unknown benchmark area "${name}" (known: ${AREAS.join(', ')})`);
        process.exitCode = 2;
        return;
      }
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as BenchModule;
    await mod.run(area ? rest : []);
  }
}

await main();
