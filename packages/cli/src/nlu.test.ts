// `tandem nlu eval` and `tandem nlu predict` on small CSV files, through the real command.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const BIN = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
let dir = '';

function tandem(...args: string[]) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const run = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const TRAIN = [
  'text,category',
  ...['where is my order', 'track my parcel', '"my order, the blue one, has not arrived"', 'سفارش من کجاست', 'đơn hàng của tôi đâu'].map((t) => `${t},order_status`),
  ...['i forgot my password', 'reset my password', 'cannot log in', 'رمز عبورم را فراموش کردم', 'tôi quên mật khẩu'].map((t) => `${t},password_reset`),
  ...['i want a refund', 'give me my money back', 'refund my purchase', 'پولم را پس بدهید', 'tôi muốn hoàn tiền'].map((t) => `${t},refund`),
].join('\n');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-nlu-'));
  await writeFile(join(dir, 'train.csv'), `${TRAIN}\n`);
  await writeFile(join(dir, 'test.csv'), 'text,label\nwhere is my parcel,order_status\n"forgot password, help",password_reset\nrefund please,refund\nرمز عبور فراموش شده,password_reset\n');
  await writeFile(join(dir, 'input.csv'), 'text,label\nmoney back please,ignored\n🙂\nmật khẩu,\n');
});
after(() => rm(dir, { recursive: true, force: true }));

describe('tandem nlu', () => {
  it('eval prints accuracy, macro-F1, timings and the threshold figures', () => {
    const { code, stdout, stderr } = tandem('nlu', 'eval', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'));
    assert.equal(code, 0, stderr);
    for (const line of [/^accuracy\s+100\.00%$/m, /^macro-F1\s+100\.00%$/m, /^training time\s+[\d.]+ s$/m, /^prediction time\s+p50 [\d.]+ ms, p99 [\d.]+ ms$/m, /^at threshold 0\.\d\d\s+accuracy [\d.]+% on answered inputs, abstains on [\d.]+%$/m]) {
      assert.match(stdout, line);
    }
  });

  it('eval --json gives the same figures as numbers', () => {
    const { code, stdout } = tandem('nlu', 'eval', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--json', '--threshold', '0');
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as Record<string, number>;
    assert.equal(result.testExamples, 4);
    assert.equal(result.intents, 3);
    assert.equal(result.threshold, 0);
    assert.equal(result.abstention, 0);
  });

  it('predict writes text,label,confidence in input order, ignoring a label column, empty where it abstains', async () => {
    const { code, stdout, stderr } = tandem('nlu', 'predict', '--train', join(dir, 'train.csv'), '--input', join(dir, 'input.csv'), '--output', join(dir, 'out.csv'));
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Wrote 3 prediction\(s\)/);
    const rows = parse(await readFile(join(dir, 'out.csv'), 'utf8')) as string[][];
    assert.deepEqual(rows[0], ['text', 'label', 'confidence']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['money back please', '🙂', 'mật khẩu']);
    assert.equal(rows[1]![1], 'refund');
    assert.equal(rows[2]![1], '', 'nothing to understand in an emoji: abstain');
    assert.equal(rows[2]![2], '0.0000');
    assert.equal(rows[3]![1], 'password_reset');
    for (const row of rows.slice(1)) assert.ok(Number(row[2]) >= 0 && Number(row[2]) <= 1);
  });

  it('bad input gets a clear error and writes nothing', async () => {
    await writeFile(join(dir, 'unlabelled.csv'), 'text,label\nhello,\n');
    const cases: Array<[string[], RegExp]> = [
      [['nlu', 'eval', '--train', join(dir, 'missing.csv'), '--test', join(dir, 'test.csv')], /cannot read .*missing\.csv: ENOENT/],
      [['nlu', 'eval', '--train', join(dir, 'unlabelled.csv'), '--test', join(dir, 'test.csv')], /unlabelled\.csv row 2: a labelled file needs text in the first column and a label in the second/],
      [['nlu', 'eval', '--train', join(dir, 'train.csv'), '--test', join(dir, 'test.csv'), '--threshold', '2'], /--threshold must be a number between 0 and 1/],
      [['nlu', 'predict', '--train', join(dir, 'train.csv'), '--input', join(dir, 'missing.csv'), '--output', join(dir, 'never.csv')], /cannot read/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = tandem(...args);
      assert.equal(code, 1, args.join(' '));
      assert.match(stderr, message);
    }
    await assert.rejects(readFile(join(dir, 'never.csv')), /ENOENT/);
  });
});
