// What the `tandem` CLI may use of the server: admin tasks that need the database directly.
export { startServer, type RunningServer } from '../main.ts';
export { migrate, seed, createAgent, type CreateAgentOptions } from './commands.ts';
export { kbImport, kbExport } from './kb-commands.ts';
export { loadConfig, describeConfig, ConfigError } from '../config/load.ts';
export { SETTINGS } from '../config/schema.ts';
export type { Config } from '../config/schema.ts';
