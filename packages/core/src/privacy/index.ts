export * from './privacy-settings.ts';
