import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createWorkspace, startTestApp } from './harness.ts';
import { readKbFolder } from '../src/features/kb/kb-folder.ts';
import { runCli } from './server-process.ts';
import { isAppError } from '@tandem/core';

const app = await startTestApp();

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-kb-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const CATEGORIES = '- key: accounts\n  names: { en: Accounts, vi: Tài khoản, fa: حساب }\n';
const articleFile = (key: string, extra = '') => `---\nkey: ${key}\ntitle: ${key} title\ncategory: accounts\nsampleQuestions: [one, two, three]\n${extra}---\nBody of ${key}.\n`;

describe('knowledge-base import and export', () => {
  it('imports a folder in one go, updates on re-import, and exports what import reads', async () => {
    const ws = await createWorkspace(app);
    const dir = await folder({ 'categories.yaml': CATEGORIES, 'en/reset-password.md': articleFile('reset-password', 'related: [gift-cards]\n'), 'vi/reset-password.md': articleFile('reset-password'), 'en/gift-cards.md': articleFile('gift-cards') });
    const first = await app.services.kbImport.importFolder(ws.id, await readKbFolder(dir), null);
    assert.deepEqual(first, { categories: 1, guides: 0, created: 3, updated: 0 });
    const again = await app.services.kbImport.importFolder(ws.id, await readKbFolder(dir), null);
    assert.deepEqual(again, { categories: 1, guides: 0, created: 0, updated: 3 });
    const found = await call(app, 'GET', '/api/v1/kb/search?q=gift&locale=en', { token: ws.tokens.agent });
    assert.equal(found.body.items[0].key, 'gift-cards');
    await rm(dir, { recursive: true });
  });

  it('a folder with any problem imports nothing and reports every problem with its file', async () => {
    const ws = await createWorkspace(app);
    const dir = await folder({
      'categories.yaml': CATEGORIES,
      'en/good.md': articleFile('good'),
      'en/bad-yaml.md': '---\nkey: bad-yaml\ntitle: [oops\n---\nx',
      'en/no-category.md': articleFile('no-category').replace('category: accounts', 'category: nowhere'),
      'en/dangling.md': articleFile('dangling', 'related: [missing-one]\n'),
      'de/hallo.md': articleFile('hallo'),
    });
    const read = await readKbFolder(dir);
    assert.deepEqual(read.errors.map((e) => e.path).sort(), ['de/', 'en/bad-yaml.md']);
    const refused = await app.services.kbImport.importFolder(ws.id, read, null).catch((e: unknown) => e);
    assert.ok(isAppError(refused) && refused.code === 'kb.import_invalid');
    assert.deepEqual(refused.fields!.map((f) => f.path).sort(), ['en/dangling.md: related', 'en/no-category.md: category']);
    const list = await call(app, 'GET', '/api/v1/kb/articles', { token: ws.tokens.agent });
    assert.equal(list.body.items.length, 0, 'not even the good article');
    await rm(dir, { recursive: true });
  });

  it('the tandem kb commands import and export through the CLI, and a bad folder exits 1 with the report', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tandem-kb-cli-'));
    const settings = { TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    await runCli(['create-agent', '--workspace', 'shop', '--workspace-name', 'Shop', '--email', 'o@example.com', '--name', 'O', '--role', 'owner'], settings);
    const dir = await folder({ 'categories.yaml': CATEGORIES, 'fa/reset-password.md': articleFile('reset-password') });
    const imported = await runCli(['kb', 'import', dir, '--workspace', 'shop'], settings);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /1 new article/);
    const out = join(dataDir, 'export');
    const exported = await runCli(['kb', 'export', out, '--workspace', 'shop'], settings);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(await readFile(join(out, 'fa', 'reset-password.md'), 'utf8'), /^---\nkey: reset-password\n[\s\S]*---\nBody of reset-password\.\n$/);
    const bad = await folder({ 'en/x.md': 'no front matter' });
    const refused = await runCli(['kb', 'import', bad, '--workspace', 'shop'], settings);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /en\/x\.md: starts with a --- front-matter block/);
    for (const d of [dataDir, dir, bad]) await rm(d, { recursive: true });
  });
});
