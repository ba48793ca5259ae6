import { createHash, randomBytes } from 'node:crypto';
import { maskPersonalData } from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { translator } from '../../i18n/translator.ts';
import type { AppenderRequest, MessageAppender } from '../messages/message-appender.ts';
import type { AppendRequest } from '../messages/append-batch.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { askedSurveyOf, dueSurveys, findSurveyByToken, insertSurveys, moveSurvey, surveysToSchedule, type SurveyRow } from './csat.store.ts';
import { ratingIn } from './survey-reply.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Thrown inside a message's transaction to undo it: the survey was asked or answered meanwhile. */
class SurveyMoved extends Error {}
const WEEK = 7 * 86_400_000;
export const surveyPath = (workspaceId: string, token: string) => `/csat/${workspaceId}/${token}`;

export interface SurveyAnswer {
  rating: number;
  comment?: string | undefined;
  easyToReach?: boolean | undefined;
}

/**
 * The satisfaction survey: scheduled when a conversation is resolved, asked after the workspace's
 * delay in the channel the customer used (a link, and quick replies in the widget or a number by
 * SMS, WhatsApp or email), answered once. An answer never reopens the conversation.
 */
export function createCsatService(deps: ServiceDeps & { appender: MessageAppender; publicUrl: PublicUrl }) {
  const { db, clock, ids } = deps;
  const base = () => deps.publicUrl.base();

  async function schedule(workspaceId: string, delayMinutes: number): Promise<void> {
    const now = clock();
    const resolved = await surveysToSchedule(db, workspaceId, new Date(now.getTime() - WEEK), 200);
    await insertSurveys(db, resolved.map((c) => ({
      workspaceId, conversationId: c.id, customerId: c.customer_id, agentId: c.assignee_id, channel: c.last_channel ?? 'web', status: 'scheduled',
      tokenHash: hash(ids()), handedOff: c.handed_off, dueAt: new Date(new Date(c.resolved_at).getTime() + delayMinutes * 60_000), createdAt: now,
    })));
  }

  async function ask(survey: SurveyRow): Promise<void> {
    const conversation = await findConversation(db, survey.workspaceId, survey.conversationId);
    const customer = conversation && (await findCustomer(db, survey.workspaceId, conversation.customerId));
    // Reopened since, gone, or the customer said "don't ask me": no survey.
    if (!conversation || conversation.status !== 'resolved' || !customer || customer.attributes.surveyOptOut === true) {
      await moveSurvey(db, { ...survey, from: 'scheduled' }, { status: 'skipped' });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    const t = translator(conversation.language ?? 'en');
    const url = `${base()}${surveyPath(survey.workspaceId, token)}`;
    const byNumber = survey.channel !== 'web';
    const request: AppendRequest = {
      workspaceId: survey.workspaceId, conversationId: survey.conversationId, author: 'bot', authorId: null, channel: conversation.lastChannel ?? 'web', private: false,
      body: t(byNumber ? 'csat.askByNumber' : 'csat.ask', { url }),
      content: byNumber ? {} : { quickReplies: [1, 2, 3, 4, 5].map((n) => ({ label: '★'.repeat(n), value: String(n) })) },
      idempotencyKey: null,
    };
    const claim = async (tx: Parameters<NonNullable<AppenderRequest['alsoStore']>>[0]) => {
      if (!(await moveSurvey(tx, { ...survey, from: 'scheduled' }, { status: 'asked', askedAt: clock(), tokenHash: hash(token) }))) throw new SurveyMoved();
    };
    // The question and the survey's "asked" go in one transaction: two processes never both ask.
    await deps.appender.append({ ...request, alsoStore: claim }).catch((error: unknown) => {
      if (!(error instanceof SurveyMoved)) throw error;
    });
  }

  async function answer(survey: SurveyRow, given: SurveyAnswer): Promise<void> {
    const answered = await moveSurvey(db, { ...survey, from: 'asked' }, {
      status: 'answered', answeredAt: clock(), rating: given.rating, comment: maskedComment(given.comment), easyToReach: survey.handedOff ? given.easyToReach ?? null : null,
    });
    if (!answered) throw appError('csat.already_answered');
  }

  return {
    /** One round: schedule surveys for newly resolved conversations, then ask the due ones. */
    async pass(workspaceId: string): Promise<void> {
      const workspace = await findWorkspace(db, workspaceId);
      if (!workspace?.settings.csat.enabled) return;
      await schedule(workspaceId, workspace.settings.csat.delayMinutes);
      const due = await dueSurveys(db, workspaceId, clock(), 50);
      for (const survey of due) await ask(survey);
    },

    async byToken(workspaceId: string, token: string): Promise<SurveyRow> {
      const survey = await findSurveyByToken(db, workspaceId, hash(token));
      if (!survey || survey.status === 'scheduled' || survey.status === 'skipped') throw appError('csat.not_found');
      return survey;
    },

    answer,

    /**
     * A customer's message that is only a rating ("4", "۵ ستاره") while their survey waits is the
     * answer: stored on the conversation without reopening it, and never given to the bot.
     */
    async replyToSurvey(input: { workspaceId: string; customerId: string; conversationId?: string | undefined; channel: AppendRequest['channel']; body: string; idempotencyKey: string | null }) {
      const rating = ratingIn(input.body);
      if (rating === null) return null;
      const survey = await askedSurveyOf(db, input.workspaceId, input.customerId, new Date(clock().getTime() - WEEK));
      if (!survey || (input.conversationId && input.conversationId !== survey.conversationId)) return null;
      const result = await deps.appender.append({
        workspaceId: input.workspaceId, conversationId: survey.conversationId, author: 'customer', authorId: input.customerId, customerId: input.customerId,
        channel: input.channel, private: false, body: input.body, content: {}, idempotencyKey: input.idempotencyKey, keepsStatus: true,
        alsoStore: async (tx) => {
          if (!(await moveSurvey(tx, { ...survey, from: 'asked' }, { status: 'answered', answeredAt: clock(), rating }))) throw new SurveyMoved();
        },
      }).catch((error: unknown) => {
        if (error instanceof SurveyMoved) return null; // answered on the page meanwhile: an ordinary message then
        throw error;
      });
      return result?.kind === 'stored' ? { conversation: result.conversation, message: result.message, duplicate: result.duplicate } : null;
    },
  };
}

export type CsatService = ReturnType<typeof createCsatService>;

/** Comments feed analytics, which keeps no personal data: it is stored masked. */
function maskedComment(comment: string | undefined): string | null {
  const trimmed = comment?.trim();
  return trimmed ? maskPersonalData(trimmed).text : null;
}
