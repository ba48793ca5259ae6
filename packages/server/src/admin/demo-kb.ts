import { readdir, readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { LOCALES, type Locale } from '@tandem/core';
import { parseArticleFile, type ArticleFile } from '../features/kb/article-file.ts';

export const DEMO_KB_DIR = new URL('./demo-kb/', import.meta.url);

export interface LocalizedArticle extends ArticleFile {
  locale: Locale;
}

export interface DemoCategory {
  key: string;
  names: Record<Locale, string>;
  descriptions: Record<Locale, string>;
}

export async function loadDemoCategories(dir: URL = DEMO_KB_DIR): Promise<DemoCategory[]> {
  return parseYaml(await readFile(new URL('categories.yaml', dir), 'utf8')) as DemoCategory[];
}

/** The demo knowledge base's articles, every locale; a broken file is a bug here, so it throws. */
export async function loadDemoArticles(dir: URL = DEMO_KB_DIR): Promise<LocalizedArticle[]> {
  const articles: LocalizedArticle[] = [];
  for (const locale of LOCALES) {
    const folder = new URL(`articles/${locale}/`, dir);
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.md')).sort()) {
      const parsed = parseArticleFile(await readFile(new URL(name, folder), 'utf8'), `${locale}/${name}`);
      if (parsed.kind === 'invalid') throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      articles.push({ ...parsed.article, locale });
    }
  }
  return articles;
}
