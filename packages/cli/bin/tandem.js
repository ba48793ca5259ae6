#!/usr/bin/env node
// The packages ship TypeScript sources; tsx compiles them on load (no build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/index.ts');
