import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canAssignRole, hasRole } from './roles.ts';

describe('roles', () => {
  it('an owner has every role', () => {
    assert.ok(hasRole('owner', 'admin') && hasRole('owner', 'agent'));
  });
  it('an agent is not an admin', () => {
    assert.equal(hasRole('agent', 'admin'), false);
  });
  it('only an owner makes owners', () => {
    assert.equal(canAssignRole('admin', 'owner'), false);
    assert.equal(canAssignRole('owner', 'owner'), true);
    assert.equal(canAssignRole('admin', 'agent'), true);
    assert.equal(canAssignRole('agent', 'agent'), false);
  });
});
