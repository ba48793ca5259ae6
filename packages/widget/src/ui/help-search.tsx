import type { RefObject } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { reportError } from '../report-error.ts';
import type { HelpArticle } from '../transport/widget-api.ts';
import { ArticleCardLink } from './message-extras.tsx';
import { useWidget } from './widget-context.ts';

/** Customers try to help themselves first: results appear as they type. */
export const SEARCH_DEBOUNCE_MS = 200;

export function HelpSearch(props: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { controller, t } = useWidget();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<HelpArticle[] | null>(null);
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) {
      setResults(null);
      setHasFailed(false);
      return;
    }
    // Each keystroke cancels the previous search, so a slow answer never overwrites a newer one.
    const abort = new AbortController();
    const timer = setTimeout(() => {
      controller
        .searchHelp(trimmed, abort.signal)
        .then((items) => {
          setResults(items);
          setHasFailed(false);
        })
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          reportError('help search', error);
          setHasFailed(true);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, controller]);

  return (
    <div class="section search" role="search">
      <label class="sr-only" for={`${id}-search`}>
        {t('search.label')}
      </label>
      <input
        ref={props.inputRef}
        id={`${id}-search`}
        type="search"
        class="input"
        autoComplete="off"
        placeholder={t('search.placeholder')}
        value={query}
        data-testid="tandem-search"
        onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
      />
      <p class="sr-only" role="status">
        {results ? t('search.results', { count: results.length }) : ''}
      </p>
      {hasFailed ? <p class="hint">{t('search.failed')}</p> : null}
      {results?.length === 0 ? <p class="hint">{t('search.empty', { query: query.trim() })}</p> : null}
      {results && results.length > 0 ? (
        <ul class="results">
          {results.map((article) => (
            <li key={article.articleId}>
              <ArticleCardLink card={article} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
