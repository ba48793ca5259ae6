export * from './privacy-settings.ts';
export * from './personal-data.ts';
