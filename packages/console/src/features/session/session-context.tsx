import { createContext, useContext } from 'react';
import type { Agent } from '@tandem/protocol';
import type { HttpClient } from '../../api/http-client.ts';
import type { LiveStore } from '../../live/live-store.ts';
import type { DraftStore } from '../conversation/drafts.ts';
import type { Directory } from '../../live/directory.ts';

export interface SessionInfo {
  agent: Agent;
  workspace: { id: string; name: string; slug: string };
  limits: { messageMaxChars: number; uploadMaxBytes: number };
}

export interface SessionContextValue {
  session: SessionInfo;
  http: HttpClient;
  live: LiveStore;
  drafts: DraftStore;
  directory: Directory;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}

export const isAdmin = (session: SessionInfo) => session.agent.role === 'admin' || session.agent.role === 'owner';
