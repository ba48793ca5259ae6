import type { ChannelKind, Priority, SlaMetric } from '@tandem/core';

/** An SLA policy as GET /sla/policies returns it (SlaPolicy in the OpenAPI document). */
export interface SlaPolicy {
  key: string;
  name: string;
  priorities: Priority[];
  channels: ChannelKind[];
  segments: string[];
  targets: Partial<Record<SlaMetric, number>>;
  warnAtFraction: number;
  escalation: { boostPriority: boolean; notifyAgentIds: string[]; reassign: boolean };
}
