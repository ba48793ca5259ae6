import type { InboundMailHandler } from '../../channels/email/smtp-listener.ts';
import type { Db } from '../../adapters/postgres/database.ts';
import type { Services } from '../../services.ts';
import { findChannelByAddress } from './channel.store.ts';
import { baseAddress } from './email-inbound.service.ts';

/** Joins the SMTP listener to the email channel: which recipients we serve, and storing what arrives. */
export function createInboundMailHandler(services: Services, db: Db): InboundMailHandler {
  return {
    async accepts(recipient) {
      const found = await findChannelByAddress(db, 'email', baseAddress(recipient));
      return found?.channel.enabled ?? false;
    },
    async deliver(raw, envelope) {
      const reception = await services.emailInbound.receive(raw, envelope);
      return reception.kind === 'rejected' ? { accepted: false, reason: reception.reason } : { accepted: true };
    },
  };
}
