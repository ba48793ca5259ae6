import { fileURLToPath } from 'node:url';
import { readKbFolder, type KbFolder } from '../features/kb/kb-folder.ts';

export const DEMO_KB_DIR = fileURLToPath(new URL('./demo-kb/', import.meta.url));

/** The demo knowledge base (categories and every article); a broken file is a bug here, so it throws. */
export async function loadDemoKnowledgeBase(): Promise<Omit<KbFolder, 'errors'>> {
  const folder = await readKbFolder(DEMO_KB_DIR);
  if (folder.errors.length > 0) throw new Error(folder.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return folder;
}
