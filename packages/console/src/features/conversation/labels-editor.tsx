import { useTranslation } from 'react-i18next';

/** The conversation's labels: remove with ×, add by typing and pressing Enter. */
export function LabelsEditor(props: { labels: string[]; onChange: (labels: string[]) => Promise<boolean> }) {
  const { t } = useTranslation();
  return (
    <div className="labels" data-testid="labels">
      {props.labels.map((label) => (
        <span key={label} className="chip chip--label">
          {label}
          <button type="button" aria-label={t('labels.remove', { label })} onClick={() => void props.onChange(props.labels.filter((l) => l !== label))}>×</button>
        </span>
      ))}
      <form onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('label') as HTMLInputElement;
        const label = input.value.trim().toLowerCase();
        if (!label || props.labels.includes(label)) return;
        void props.onChange([...props.labels, label]).then((ok) => ok && (input.value = ''));
      }}>
        <input name="label" maxLength={40} placeholder={t('labels.add')} aria-label={t('labels.add')} data-testid="label-input" />
      </form>
    </div>
  );
}
