// The real `tandem` command (bin/tandem.js) as a child process: help, admin commands, config.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, SETTINGS, startServer } from '@tandem/server/admin';

const BIN = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
const RUN_TIMEOUT_MS = 60_000;

const dataDirs: string[] = [];
after(async () => {
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
  dataDirs.push(dir);
  return dir;
}

/** Runs `tandem …` with only `settings` as Tandem configuration (none inherited from this shell). */
function tandem(args: string[], settings: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(SETTINGS)) delete env[name];
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tandem ${args.join(' ')}: still running after ${RUN_TIMEOUT_MS} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('tandem help', () => {
  it('lists start, migrate, seed and create-agent and exits 0', async () => {
    const { code, stdout } = await tandem(['--help'], { TANDEM_DATA_DIR: await freshDataDir() });

    assert.equal(code, 0);
    for (const command of ['start', 'migrate', 'seed', 'create-agent', 'config']) assert.match(stdout, new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('create-agent --help exits 0 and describes each option', async () => {
    const { code, stdout } = await tandem(['create-agent', '--help'], { TANDEM_DATA_DIR: await freshDataDir() });

    assert.equal(code, 0);
    for (const option of ['--workspace <slug>', '--workspace-name <name>', '--email <email>', '--name <name>', '--role <role>', '--password <password>']) {
      assert.ok(stdout.includes(option), `${option} in:\n${stdout}`);
    }
  });
});

describe('tandem create-agent', () => {
  it('with --workspace-name creates the workspace and prints a generated password once, which signs the agent in', async () => {
    const dataDir = await freshDataDir();
    const { code, stdout, stderr } = await tandem(
      ['create-agent', '--workspace', 'acme', '--workspace-name', 'Acme', '--email', 'first@acme.test', '--name', 'First Owner', '--role', 'owner'],
      { TANDEM_DATA_DIR: dataDir },
    );
    assert.equal(code, 0, stderr);
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    assert.ok(password && password.length >= 12, stdout);
    assert.equal(stdout.split(password).length - 1, 1, 'printed exactly once');

    // The server on the same data folder accepts that password (the CLI process has exited, so PGlite is free).
    const server = await startServer(loadConfig({ TANDEM_DATA_DIR: dataDir, PORT: '0', TANDEM_DEMO: 'false', LOG_LEVEL: 'silent' }));
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: 'acme', email: 'first@acme.test', password }),
      });
      const session = (await login.json()) as { agent: { role: string }; workspace: { name: string } };
      assert.equal(login.status, 200, JSON.stringify(session));
      assert.deepEqual({ role: session.agent.role, workspace: session.workspace.name }, { role: 'owner', workspace: 'Acme' });
    } finally {
      await server.close();
    }
  });
});

describe('tandem configuration', () => {
  it('config print shows connection URLs with their passwords masked, never the secret itself', async () => {
    const { code, stdout, stderr } = await tandem(['config', 'print'], {
      TANDEM_DATA_DIR: await freshDataDir(),
      DATABASE_URL: 'postgres://user:secret@host/db',
      REDIS_URL: 'redis://:redis-secret@cache:6379',
    });

    assert.equal(code, 0, stderr);
    assert.match(stdout, /^DATABASE_URL=postgres:\/\/user:\*{4}@host\/db\s/m);
    assert.match(stdout, /^REDIS_URL=redis:\/\/:\*{4}@cache:6379\s/m);
    assert.ok(!`${stdout}${stderr}`.includes('secret'), stdout);
  });

  it('a bad setting stops start with a non-zero exit and an error naming the setting', async () => {
    const { code, stdout, stderr } = await tandem(['start'], { TANDEM_DATA_DIR: await freshDataDir(), PORT: 'abc' });

    assert.notEqual(code, 0);
    assert.match(stderr, /\bPORT\b/);
    assert.doesNotMatch(stdout, /Tandem is running/);
  });
});
