import type { CliIo } from '../program.ts';

export async function runStart(io: CliIo): Promise<void> {
  const admin = await import('@tandem/server/admin');
  const config = admin.loadConfig(io.env);
  const server = await admin.startServer(config);
  io.out('');
  io.out(`Tandem is running on ${server.url}`);
  io.out(`  Console    ${server.url}/  (agents sign in here)`);
  io.out(`  API        ${server.url}/api/v1`);
  io.out(`  API docs   ${server.url}/api/docs`);
  io.out(`  WebSocket  ${server.url.replace(/^http/, 'ws')}/api/v1/ws`);
  io.out(`  Health     ${server.url}/healthz`);
  io.out(`  Widget     ${server.url}/widget.js`);
  io.out(`  Demo shop  ${server.url}/demo  (the customer side: try the chat)`);
  if (server.smtpPort !== null) io.out(`  Email in   smtp://${config.HOST}:${server.smtpPort}  (mail to an email channel's support address)`);
  if (server.demo) {
    io.out('');
    io.out(`Demo workspace "${server.demo.workspace}" created. Sign in at ${server.url}/ with (shown once):`);
    io.out(`  workspace ${server.demo.workspace}`);
    io.out(`  email     ${server.demo.email}`);
    io.out(`  password  ${server.demo.password}`);
    io.out(`Its support address is support@${server.demo.workspace}.tandem.test; try SMS and WhatsApp with \`tandem channels simulate\`.`);
  }
  const signal = await io.stopSignal();
  io.out(`${signal}: finishing in-flight requests and closing the database...`);
  const grace = setTimeout(() => {
    io.err(`Still busy after ${config.SHUTDOWN_GRACE_MS} ms: exiting anyway.`);
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  grace.unref();
  await server.close();
  clearTimeout(grace);
}
