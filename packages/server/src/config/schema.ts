import { z } from 'zod';

// Every setting the server reads, with its default, a description and whether it is secret.
// The README's configuration table and `tandem config print` are generated from this list.
interface Setting<T extends z.ZodType> {
  schema: T;
  sensitive: boolean;
}
const setting = <T extends z.ZodType>(schema: T, sensitive = false): Setting<T> => ({ schema, sensitive });

const url = (protocols: RegExp) => z.url({ protocol: protocols });
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const SETTINGS = {
  HOST: setting(z.string().min(1).default('127.0.0.1').describe('Interface the HTTP server listens on')),
  PORT: setting(z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port (0 picks a free one)')),
  PUBLIC_URL: setting(
    url(/^https?$/).optional().describe('Public base URL (e.g. https://support.example.com); default http://HOST:PORT'),
  ),
  TANDEM_DATA_DIR: setting(z.string().min(1).default('./data').describe('Folder for the embedded database and uploads')),
  DATABASE_URL: setting(
    url(/^postgres(ql)?$/).optional().describe('PostgreSQL server (postgres://…); unset uses embedded PGlite'),
    true,
  ),
  DATABASE_POOL_MAX: setting(z.coerce.number().int().min(1).max(200).default(10).describe('PostgreSQL pool size per process')),
  REDIS_URL: setting(
    url(/^rediss?$/).optional().describe('Redis for the event bus and rate limits across processes; unset is in-process'),
    true,
  ),
  LOG_LEVEL: setting(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level'),
  ),
  TANDEM_DEMO: setting(bool.default(true).describe('Create the demo workspace when the database is empty')),
  PERIODIC_PASS_SECONDS: setting(z.coerce.number().int().min(0).max(3600).default(5).describe('Seconds between passes over queues and SLA clocks (overflow, waiting boosts, unanswered reassignment, SLA warnings and breaches); 0 turns them off')),
  TRUST_PROXY: setting(bool.default(false).describe('Trust X-Forwarded-* headers (behind a load balancer)')),
  RATE_LIMIT_PER_MINUTE: setting(
    z.coerce.number().int().min(1).default(600).describe('Requests per minute per client before 429'),
  ),
  SESSION_TTL_HOURS: setting(z.coerce.number().int().min(1).default(24 * 14).describe('Agent session lifetime')),
  SMTP_URL: setting(
    url(/^smtps?$/).optional().describe('SMTP server for outgoing email (smtp://user:pass@host:587); unset writes .eml files to TANDEM_DATA_DIR/outbox'),
    true,
  ),
  INBOUND_SMTP: setting(bool.default(true).describe('Receive email on the SMTP listener (mail to the email channels\' support addresses)')),
  INBOUND_SMTP_PORT: setting(z.coerce.number().int().min(0).max(65535).default(2525).describe('Port of the inbound SMTP listener, on HOST (0 picks a free one); put your MX or relay in front of it')),
  INBOUND_EMAIL_MAX_BYTES: setting(z.coerce.number().int().min(64 * 1024).max(100 * 1024 * 1024).default(25 * 1024 * 1024).describe('Largest inbound email; bigger ones are refused during the SMTP transaction (552)')),
  INBOUND_EMAIL_PER_SENDER_PER_HOUR: setting(z.coerce.number().int().min(1).max(100_000).default(60).describe('Emails one sender address may send per hour before the listener answers 451 (try later)')),
  MAIL_FROM: setting(z.string().min(3).max(320).default('Tandem <no-reply@localhost>').describe('From address of outgoing email')),
  LLM_BASE_URL: setting(
    url(/^https?$/).optional().describe('OpenAI-compatible API (e.g. https://api.openai.com/v1) the bot may use to draft answers from articles; unset: off'),
  ),
  LLM_MODEL: setting(z.string().min(1).max(200).default('gpt-4o-mini').describe('Model name sent to LLM_BASE_URL')),
  LLM_API_KEY: setting(z.string().min(1).max(500).optional().describe('Bearer key for LLM_BASE_URL'), true),
  UPLOAD_MAX_BYTES: setting(
    z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024).describe('Largest attachment a customer or agent may upload'),
  ),
  MAGIC_LINK_TTL_MINUTES: setting(
    z.coerce.number().int().min(1).max(7 * 24 * 60).default(60).describe('How long an emailed continue-on-another-device link works'),
  ),
  SHUTDOWN_GRACE_MS: setting(
    z.coerce.number().int().min(0).default(10_000).describe('How long SIGTERM waits for in-flight requests'),
  ),
} as const;

type Settings = typeof SETTINGS;
export type Config = { readonly [K in keyof Settings]: z.output<Settings[K]['schema']> };
export type SettingName = keyof Settings;
