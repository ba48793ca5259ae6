import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateWaitSeconds } from './wait-estimate.ts';

const base = { position: 5, freeSlots: 0, onlineAgents: 2, recentAssignments: 0, windowSeconds: 3600, fallbackHandleSeconds: 600 };

describe('estimateWaitSeconds', () => {
  it('is unknown with nobody online, and zero when a free agent can take it now', () => {
    assert.equal(estimateWaitSeconds({ ...base, onlineAgents: 0 }), null);
    assert.equal(estimateWaitSeconds({ ...base, freeSlots: 5 }), 0);
  });

  it('moves at the rate the team recently took conversations', () => {
    assert.equal(estimateWaitSeconds({ ...base, recentAssignments: 12 }), 1500); // 5 ahead at 12/hour
    assert.equal(estimateWaitSeconds({ ...base, position: 3, freeSlots: 1, recentAssignments: 12 }), 600);
  });

  it('without recent history, assumes each online agent takes one per handling time', () => {
    assert.equal(estimateWaitSeconds(base), 1500); // 5 ahead, 2 agents, 600 s each
  });
});
