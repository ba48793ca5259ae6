export { createApp, BODY_LIMIT_BYTES, type App } from './app.ts';
export { startServer, type RunningServer } from './main.ts';
