// The trained model as stored: another process (a fresh model service, empty cache) reads the
// bytes back and predicts exactly as the process that trained it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeModel } from '@tandem/nlu';
import { createBotModelService } from '../src/features/bot/bot-model.service.ts';
import { findModel } from '../src/features/bot/bot.store.ts';
import { call, createWorkspace, startTestApp } from './harness.ts';

const app = await startTestApp();

describe('the stored bot model', () => {
  it('comes back byte for byte, and another process predicts with it as the trainer does', async () => {
    const ws = await createWorkspace(app);
    const intents = {
      order_status: ['where is my order', 'track my parcel', 'đơn hàng của tôi ở đâu', 'سفارش من کجاست'],
      refund: ['I want my money back', 'refund please', 'hoàn tiền cho tôi', 'پولم را پس بدهید'],
      opening_hours: ['when are you open', 'opening hours', 'mấy giờ mở cửa', 'ساعت کاری شما'],
    };
    for (const [key, en] of Object.entries(intents)) {
      const saved = await call(app, 'PUT', `/api/v1/bot/intents/${key}`, { token: ws.tokens.admin, body: { title: { en: key }, phrases: { en }, answer: 'reply', reply: { en: key } } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
    }
    await app.services.botModels.settled();
    await app.services.botModels.retrain(ws.id);
    const trainer = await app.services.botModels.model(ws.id);
    assert.ok(trainer);
    const stored = await findModel(app.deps.db, ws.id);
    assert.deepEqual(Buffer.from(stored!.model), Buffer.from(encodeModel(trainer)), 'the bytes read are the bytes written');

    const elsewhere = createBotModelService(app.deps);
    for (const text of ['where is my parcel?', 'tiền hoàn lại', 'ساعت کاری']) {
      const [here, there] = await Promise.all([app.services.botModels.classify(ws.id, text), elsewhere.classify(ws.id, text)]);
      assert.deepEqual(there, here, text);
    }
  });
});
