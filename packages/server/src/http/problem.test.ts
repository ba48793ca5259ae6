import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lostDatabaseConnection, problemFromError } from './problem.ts';

const wrapped = (cause: Error) => new Error('Failed query: insert into "messages" …', { cause });

describe('a lost database connection', () => {
  it('is recognised by SQLSTATE, errno or the driver’s words, also behind a query wrapper', () => {
    assert.equal(lostDatabaseConnection(wrapped(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))), true);
    assert.equal(lostDatabaseConnection(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })), true);
    assert.equal(lostDatabaseConnection(wrapped(new Error('Connection terminated unexpectedly'))), true);
  });

  it('is not confused with a bug or a constraint', () => {
    assert.equal(lostDatabaseConnection(new TypeError("Cannot read properties of undefined (reading 'id')")), false);
    assert.equal(lostDatabaseConnection(wrapped(Object.assign(new Error('duplicate key value'), { code: '23505' }))), false);
  });

  it('answers 503 server.database_unavailable; anything unknown stays a 500', () => {
    const lost = problemFromError(wrapped(Object.assign(new Error('x'), { code: '08006' })), '/api/v1/x', 'req-1');
    assert.deepEqual([lost.status, lost.code], [503, 'server.database_unavailable']);
    const bug = problemFromError(new Error('boom'), '/api/v1/x', 'req-2');
    assert.deepEqual([bug.status, bug.code], [500, 'server.internal']);
  });
});
