import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ArticleFrontMatter } from '@tandem/protocol';
import type { FieldError } from '@tandem/core';
import { unstorableText } from '../../platform/storable-text.ts';

export interface ArticleFile {
  meta: ArticleFrontMatter;
  body: string;
}

export type ParsedArticleFile = { kind: 'ok'; article: ArticleFile } | { kind: 'invalid'; errors: FieldError[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * A Markdown file with YAML front-matter → an article, or every problem found in it (with the
 * file name and the field or line), so an import can report them all and import nothing.
 */
export function parseArticleFile(text: string, file: string): ParsedArticleFile {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return invalid(file, 'starts with a --- front-matter block, closed by ---');
  let data: unknown;
  try {
    data = parseYaml(match[1]!, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // An alias to no anchor (`*x`), or too many aliases, is a ReferenceError, not a YAMLParseError.
    if (error instanceof YAMLParseError || error instanceof ReferenceError) return invalid(file, `front-matter is not valid YAML: ${error.message.split('\n')[0]}`);
    throw error;
  }
  const parsed = ArticleFrontMatter.safeParse(data);
  if (!parsed.success) {
    return { kind: 'invalid', errors: parsed.error.issues.map((i) => ({ path: `${file}: ${i.path.join('.') || 'front-matter'}`, message: i.message })) };
  }
  const body = match[2]!.trim();
  if (!body) return invalid(file, 'has an empty body');
  // A NUL in the file, or one YAML escapes into a value ("\0"), cannot be stored: say so here.
  const unstorable = unstorableText([parsed.data, body]);
  if (unstorable) return invalid(file, unstorable);
  return { kind: 'ok', article: { meta: parsed.data, body } };
}

function invalid(file: string, message: string): ParsedArticleFile {
  return { kind: 'invalid', errors: [{ path: file, message }] };
}
