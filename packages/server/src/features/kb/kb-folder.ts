import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { LOCALES, type FieldError, type Locale } from '@tandem/core';
import { ArticleKey, GuideDefinition } from '@tandem/protocol';
import { unstorableText } from '../../platform/storable-text.ts';
import { parseArticleFile, type ArticleFile } from './article-file.ts';

export interface LocalizedArticle extends ArticleFile {
  locale: Locale;
}

const LocalizedText = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(500));
const CategoriesFile = z.array(z.strictObject({ key: ArticleKey, names: LocalizedText, descriptions: LocalizedText.default({}) })).max(500);
export type CategoryFile = z.output<typeof CategoriesFile>[number];

export type GuideFile = z.output<typeof GuideDefinition>;

export interface KbFolder {
  categories: CategoryFile[];
  articles: LocalizedArticle[];
  guides: GuideFile[];
  errors: FieldError[];
}

/**
 * Reads a knowledge base laid out as `categories.yaml` (optional), `<locale>/<key>.md`
 * (Markdown with YAML front-matter) and `guides/<key>.yaml` (interactive guides). Every problem is collected, with its file, so an import can
 * refuse the whole folder with one complete report.
 */
export async function readKbFolder(dir: string): Promise<KbFolder> {
  const errors: FieldError[] = [];
  const articles: LocalizedArticle[] = [];
  const guides: GuideFile[] = [];
  let categories: CategoryFile[] = [];
  const names = await readdir(dir, { withFileTypes: true });
  const categoriesFile = names.find((n) => n.isFile() && n.name === 'categories.yaml');
  if (categoriesFile) {
    const parsed = CategoriesFile.safeParse(safeYaml(await readFile(join(dir, 'categories.yaml'), 'utf8'), 'categories.yaml', errors));
    if (parsed.success) categories = parsed.data;
    else errors.push(...parsed.error.issues.map((i) => ({ path: `categories.yaml: ${i.path.join('.')}`, message: i.message })));
  }
  for (const folder of names.filter((n) => n.isDirectory())) {
    if (folder.name === 'guides') {
      guides.push(...(await readGuides(join(dir, 'guides'), errors)));
      continue;
    }
    if (!(LOCALES as readonly string[]).includes(folder.name)) {
      errors.push({ path: `${folder.name}/`, message: `not a locale folder (use ${LOCALES.join(', ')})` });
      continue;
    }
    for (const file of (await readdir(join(dir, folder.name))).filter((n) => n.endsWith('.md')).sort()) {
      const path = `${folder.name}/${file}`;
      const parsed = parseArticleFile(await readFile(join(dir, path), 'utf8'), path);
      if (parsed.kind === 'invalid') errors.push(...parsed.errors);
      else articles.push({ ...parsed.article, locale: folder.name as Locale });
    }
  }
  return { categories, articles, guides, errors };
}

async function readGuides(dir: string, errors: FieldError[]): Promise<GuideFile[]> {
  const guides: GuideFile[] = [];
  for (const file of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const path = `guides/${file}`;
    const parsed = GuideDefinition.safeParse(safeYaml(await readFile(join(dir, file), 'utf8'), path, errors));
    if (parsed.success) guides.push(parsed.data);
    else errors.push(...parsed.error.issues.map((i) => ({ path: `${path}: ${i.path.join('.')}`, message: i.message })));
  }
  return guides;
}

function safeYaml(text: string, path: string, errors: FieldError[]): unknown {
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    errors.push({ path, message: `not valid YAML: ${String((error as Error).message).split('\n')[0]}` });
    return null;
  }
  const unstorable = unstorableText(value);
  if (!unstorable) return value;
  errors.push({ path, message: unstorable });
  return null;
}

/** Writes the same layout `readKbFolder` reads (export), one file per article and locale. */
export async function writeKbFolder(dir: string, folder: Omit<KbFolder, 'errors'>): Promise<void> {
  const { categories, articles, guides } = folder;
  await mkdir(join(dir, 'guides'), { recursive: true });
  await writeFile(join(dir, 'categories.yaml'), stringifyYaml(categories));
  for (const guide of guides) await writeFile(join(dir, 'guides', `${guide.key}.yaml`), stringifyYaml(guide));
  for (const { locale, meta, body } of articles) {
    await mkdir(join(dir, locale), { recursive: true });
    await writeFile(join(dir, locale, `${meta.key}.md`), `---\n${stringifyYaml(meta)}---\n${body}\n`);
  }
}
