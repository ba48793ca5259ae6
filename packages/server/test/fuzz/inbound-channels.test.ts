// Fuzz properties of what arrives from outside through channels: raw email (MIME), and SMS and
// WhatsApp webhooks. One app for both: starting one (PGlite, migrations) costs more than the properties.
import { describe } from 'node:test';
import { startTestApp } from '../harness.ts';
import { inboundEmailProperties } from './inbound-email.properties.ts';
import { PUBLIC_URL, webhookProperties } from './webhooks.properties.ts';

const app = await startTestApp({ env: { PUBLIC_URL } });
// Each set's setup runs inside the suite, so the app is not closed before the second one registers.
describe('inbound channels under fuzzing', async () => {
  await inboundEmailProperties(app);
  await webhookProperties(app);
});
