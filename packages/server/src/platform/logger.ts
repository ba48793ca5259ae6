import { pino, type Logger } from 'pino';

/** The one root logger. Secrets, cookies and message bodies never reach the log. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.body',
        '*.email',
        'err.meta',
      ],
      censor: '[redacted]',
    },
  });
}
