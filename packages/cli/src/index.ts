import { CommanderError } from 'commander';
import { buildProgram } from './program.ts';

const program = buildProgram({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stopSignal: () =>
    new Promise((resolve) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
    }),
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const { ConfigError } = await import('@tandem/server/admin');
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  const detail = (error as { detail?: string }).detail ?? (error as Error).message;
  process.stderr.write(`tandem: ${detail}\n`);
  // Field errors (e.g. every problem in an import) are listed one per line.
  for (const field of (error as { fields?: Array<{ path: string; message: string }> }).fields ?? []) process.stderr.write(`  ${field.path}: ${field.message}\n`);
  process.exit(1);
}
