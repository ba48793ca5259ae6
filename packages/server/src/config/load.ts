import { z } from 'zod';
import { SETTINGS, type Config, type SettingName } from './schema.ts';

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment once; bad values stop startup naming the variable and the fix. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, { schema }] of Object.entries(SETTINGS)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')} — ${schema.description ?? ''}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config;
}

/** The configuration with secrets masked, for `tandem config print` and startup logs. */
export function describeConfig(config: Config): Array<{ name: SettingName; value: string; description: string }> {
  return (Object.keys(SETTINGS) as SettingName[]).map((name) => {
    const { schema, sensitive } = SETTINGS[name];
    const value = config[name];
    const shown = value === undefined ? '(unset)' : sensitive ? maskSecret(String(value)) : String(value);
    return { name, value: shown, description: schema.description ?? '' };
  });
}

function maskSecret(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return '****';
  }
}
