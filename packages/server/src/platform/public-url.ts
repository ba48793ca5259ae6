import type { Config } from '../config/schema.ts';

/**
 * Where links and the server's calls to itself point: `PUBLIC_URL` when set, else the address
 * the server listens on, known once it listens (`listeningAt`, called by whoever starts it).
 */
export function createPublicUrl(config: Pick<Config, 'PUBLIC_URL'>) {
  let listening: string | null = null;
  return {
    listeningAt(url: string): void {
      listening ??= url;
    },
    /** The base for links sent to people; '' before the server listens (links become paths). */
    base(): string {
      return config.PUBLIC_URL?.replace(/\/$/, '') ?? listening ?? '';
    },
    /** The server's own listening address, for requests to itself; null before it listens. */
    self(): string | null {
      return listening;
    },
  };
}

export type PublicUrl = ReturnType<typeof createPublicUrl>;
