// Fuzz properties of the knowledge base and the public pages: article files, rendering, search
// queries, URLs and forms. One app for both: starting one costs more than the properties.
import { describe } from 'node:test';
import { startTestApp } from '../harness.ts';
import { knowledgeBaseProperties } from './knowledge-base.properties.ts';
import { publicPageProperties } from './public-pages.properties.ts';

const app = await startTestApp();
// Each set's setup runs inside the suite, so the app is not closed before the second one registers.
describe('knowledge base and public pages under fuzzing', async () => {
  await knowledgeBaseProperties(app);
  await publicPageProperties(app);
});
