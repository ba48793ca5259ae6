import { Command, Option } from 'commander';
import { AGENT_ROLES } from '@tandem/core';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the process is asked to stop (SIGTERM/SIGINT). */
  stopSignal: () => Promise<string>;
}

/** The `tandem` command. Admin commands load the server lazily, so `--help` stays instant. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('tandem')
    .description('Tandem: customer service where self-service, a bot and people work as one team.')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('start')
    .description('Start the server (HTTP API, WebSocket, docs); migrates first, creates the demo workspace on an empty database')
    .action(async () => {
      const { runStart } = await import('./commands/start.ts');
      await runStart(io);
    });

  program
    .command('migrate')
    .description('Apply database migrations (safe to run repeatedly, and from several processes)')
    .action(async () => {
      const admin = await import('@tandem/server/admin');
      await admin.migrate(admin.loadConfig(io.env));
      io.out('Migrations applied.');
    });

  program
    .command('seed')
    .description('Create the demo workspace, with agents, teams, customers and conversations')
    .action(async () => {
      const admin = await import('@tandem/server/admin');
      const demo = await admin.seed(admin.loadConfig(io.env));
      io.out(demo ? `Demo workspace "${demo.workspace}": sign in as ${demo.email} / ${demo.password}` : 'The demo workspace already exists.');
    });

  program
    .command('create-agent')
    .description('Create an agent; with --workspace-name, create the workspace too (first owner of a new install)')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--workspace-name <name>', 'create the workspace with this name if it does not exist')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices([...AGENT_ROLES]).default('agent'))
    .option('--password <password>', 'at least 12 characters; omit to generate one (printed once)')
    .action(async (options: { workspace: string; workspaceName?: string; email: string; name: string; role: (typeof AGENT_ROLES)[number]; password?: string }) => {
      const admin = await import('@tandem/server/admin');
      const created = await admin.createAgent(admin.loadConfig(io.env), options);
      io.out(`Agent ${options.email} (${options.role}) created in workspace ${options.workspace}.`);
      if (created.generated) io.out(`Password (shown once): ${created.password}`);
    });

  const channels = program.command('channels').description('Email, SMS and WhatsApp channels');
  channels.command('simulate')
    .description('Send a customer message through an SMS or WhatsApp channel as its provider would: a signed webhook to the running server')
    .argument('<kind>', 'sms or whatsapp')
    .option('--url <url>', 'the running server', 'http://127.0.0.1:3000')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'an admin’s sign-in email')
    .requiredOption('--password <password>', 'their password')
    .requiredOption('--from <number>', 'the customer’s number, E.164 (+84901234567)')
    .requiredOption('--text <text>', 'what the customer writes')
    .option('--name <name>', 'the customer’s profile name')
    .action(async (kind: string, options: { url: string; workspace: string; email: string; password: string; from: string; text: string; name?: string }) => {
      if (kind !== 'sms' && kind !== 'whatsapp') throw new Error(`unknown channel kind "${kind}": use sms or whatsapp`);
      const { runSimulate } = await import('./commands/channels.ts');
      await runSimulate(io, kind, options);
    });

  const kb = program.command('kb').description('Knowledge base: import from and export to a folder of Markdown files');
  kb.command('import')
    .description('Import <dir>/categories.yaml and <dir>/<locale>/<key>.md (YAML front-matter); all or nothing')
    .argument('<dir>', 'the folder')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (dir: string, options: { workspace: string }) => {
      const admin = await import('@tandem/server/admin');
      const report = await admin.kbImport(admin.loadConfig(io.env), { workspace: options.workspace, dir });
      io.out(`Imported: ${report.created} new article(s), ${report.updated} updated, ${report.categories} categor(ies), ${report.guides} guide(s).`);
    });
  kb.command('export')
    .description('Write every category and article to <dir>, in the layout import reads')
    .argument('<dir>', 'the folder')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .action(async (dir: string, options: { workspace: string }) => {
      const admin = await import('@tandem/server/admin');
      const { articles } = await admin.kbExport(admin.loadConfig(io.env), { workspace: options.workspace, dir });
      io.out(`Exported ${articles} article(s) to ${dir}.`);
    });

  const nlu = program.command('nlu').description("The bot's intent classifier on labelled CSV files (header row; text, then label)");
  nlu.command('eval')
    .description('Train on one file, score once on another: accuracy, macro-F1, training and prediction time, accuracy at the threshold')
    .requiredOption('--train <file>', 'training CSV')
    .requiredOption('--test <file>', 'test CSV')
    .option('--threshold <p>', 'confidence threshold (0-1); default: chosen by cross-validation on the training data')
    .option('--json', 'print the figures as JSON')
    .action(async (options: { train: string; test: string; threshold?: string; json?: boolean }) => {
      const { runNluEval } = await import('./commands/nlu.ts');
      await runNluEval(io, options);
    });
  nlu.command('predict')
    .description('Train on a file, then write text,label,confidence for each input row, in order (label empty where it abstains)')
    .requiredOption('--train <file>', 'training CSV')
    .requiredOption('--input <file>', 'CSV of texts (first column; any label column is ignored)')
    .requiredOption('--output <file>', 'where to write the predictions CSV')
    .option('--threshold <p>', 'confidence threshold (0-1); default: chosen by cross-validation on the training data')
    .action(async (options: { train: string; input: string; output: string; threshold?: string }) => {
      const { runNluPredict } = await import('./commands/nlu.ts');
      await runNluPredict(io, options);
    });

  program
    .command('config')
    .description('Show configuration')
    .command('print')
    .description('Print every setting with its value (secrets masked) and description')
    .action(async () => {
      const admin = await import('@tandem/server/admin');
      for (const row of admin.describeConfig(admin.loadConfig(io.env))) io.out(`${row.name}=${row.value}    # ${row.description}`);
    });

  return program;
}
