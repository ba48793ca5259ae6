import type { ComponentType } from 'react';
import { AgentsSection } from './agents-section.tsx';
import { BotSection } from './bot-section.tsx';
import { CannedSection } from './canned-section.tsx';
import { ChannelsSection } from './channels-section.tsx';
import { HoursSection } from './hours-section.tsx';
import { KbSection } from './kb-section.tsx';
import { PrivacySection } from '../privacy/privacy-section.tsx';
import { RoutingSection } from './routing-section.tsx';
import { SegmentsSection } from './segments-section.tsx';
import { SlaSection } from './sla-section.tsx';
import { TeamsSection } from './teams-section.tsx';

/** Every settings screen, in menu order. A feature adds its screen here. */
export const ADMIN_SECTIONS: readonly [{ key: string; component: ComponentType }, ...{ key: string; component: ComponentType }[]] = [
  { key: 'agents', component: AgentsSection },
  { key: 'teams', component: TeamsSection },
  { key: 'channels', component: ChannelsSection },
  { key: 'hours', component: HoursSection },
  { key: 'canned', component: CannedSection },
  { key: 'routing', component: RoutingSection },
  { key: 'sla', component: SlaSection },
  { key: 'segments', component: SegmentsSection },
  { key: 'kb', component: KbSection },
  { key: 'bot', component: BotSection },
  { key: 'privacy', component: PrivacySection },
];
