import { useTranslation } from 'react-i18next';
import { definitionKey } from './definitions.ts';

/** One headline number with its definition; tiles go in a `<dl className="metrics">`. */
export function MetricTile(props: { label: string; value: string; definition: string | null; detail?: string }) {
  return (
    <div className="metric">
      <dt>{props.label}</dt>
      <dd>
        <span className="metric__value">{props.value}</span>
        {props.detail && <span className="metric__detail">{props.detail}</span>}
        {props.definition && <span className="definition">{props.definition}</span>}
      </dd>
    </div>
  );
}

/** Definitions the server sent for metrics this console does not know yet, so none goes unexplained. */
export function OtherDefinitions(props: { definitions: Readonly<Record<string, string>> | undefined }) {
  const { t, i18n } = useTranslation();
  const unknown = Object.entries(props.definitions ?? {}).filter(([id]) => !i18n.exists(definitionKey(id)));
  if (unknown.length === 0) return null;
  return (
    <details className="other-definitions">
      <summary>{t('analytics.otherDefinitions')}</summary>
      <dl lang="en" dir="ltr">
        {unknown.map(([id, text]) => (
          <div key={id}><dt><code>{id}</code></dt><dd>{text}</dd></div>
        ))}
      </dl>
    </details>
  );
}
