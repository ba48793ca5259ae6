import type { Logger } from 'pino';
import type { Db } from '../adapters/postgres/database.ts';
import type { EventBus } from '../adapters/bus/event-bus.ts';
import type { FileStorage } from '../adapters/files/file-storage.ts';
import type { Mailer } from '../adapters/mail/mailer.ts';
import type { AnswerDrafter } from '../adapters/llm/answer-drafter.ts';
import type { Config } from '../config/schema.ts';
import type { Clock, IdGenerator } from './clock.ts';

/** What every service is built from; wired by hand in main.ts (tests pass their own). */
export interface ServiceDeps {
  config: Config;
  log: Logger;
  db: Db;
  bus: EventBus;
  mailer: Mailer;
  files: FileStorage;
  clock: Clock;
  ids: IdGenerator;
  /** A language model that drafts answers from articles; null unless LLM_BASE_URL is set. */
  drafter: AnswerDrafter | null;
}
