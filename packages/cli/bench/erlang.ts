// The queueing formulas live in @tandem/core (analytics/erlang.ts and erlang-a.ts), where the
// staffing view plans with them; the routing bench keeps importing them from here.
export {
  agentsNeeded,
  erlangA,
  erlangAAnswering,
  erlangB,
  erlangC,
  erlangCAverageSpeedOfAnswer,
  erlangCServiceLevel,
  type ErlangA,
  type ErlangAAnswering,
  type QueueModel,
} from '@tandem/core';
