import type { View } from './views.ts';

/** `mine`, `unassigned`, `all`, `mentions`, `team-<id>`, `saved-<id>` ↔ View. */
export function parseView(segment: string): View {
  if (segment.startsWith('team-')) return { kind: 'team', teamId: segment.slice(5) };
  if (segment.startsWith('saved-')) return { kind: 'saved', filterId: segment.slice(6) };
  if (segment === 'unassigned' || segment === 'all' || segment === 'mentions') return { kind: segment };
  return { kind: 'mine' };
}

export function viewSegment(view: View): string {
  if (view.kind === 'team') return `team-${view.teamId}`;
  if (view.kind === 'saved') return `saved-${view.filterId}`;
  return view.kind;
}

export const conversationPath = (view: View, conversationId?: string) => `/inbox/${viewSegment(view)}${conversationId ? `/${conversationId}` : ''}`;
