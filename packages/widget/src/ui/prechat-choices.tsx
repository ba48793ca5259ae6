import { useWidget } from './widget-context.ts';

/**
 * Before the first message, what the workspace lets the customer choose: a topic (its team
 * answers) and whether to start with the assistant or a person. Toggle buttons; the choice goes
 * with the first message.
 */
export function PrechatChoices() {
  const { state, controller, t, locale } = useWidget();
  const offer = state.config?.prechat;
  if (!offer || (offer.topics.length === 0 && !offer.chooseBotOrPerson)) return null;
  const { topic, with: startWith } = state.prechat;
  return (
    <div class="prechat section" data-testid="tandem-prechat">
      {offer.topics.length ? (
        <div class="choices" role="group" aria-label={t('prechat.topic')}>
          <p class="choices-label">{t('prechat.topic')}</p>
          {offer.topics.map((option) => (
            <button key={option.key} type="button" class="chip" aria-pressed={topic === option.key}
              onClick={() => controller.choosePrechat({ topic: topic === option.key ? null : option.key })}>
              {option.label[locale] ?? option.label.en ?? Object.values(option.label)[0] ?? option.key}
            </button>
          ))}
        </div>
      ) : null}
      {offer.chooseBotOrPerson ? (
        <div class="choices" role="group" aria-label={t('prechat.with')}>
          <p class="choices-label">{t('prechat.with')}</p>
          {(['bot', 'person'] as const).map((choice) => (
            <button key={choice} type="button" class="chip" aria-pressed={startWith === choice}
              onClick={() => controller.choosePrechat({ with: startWith === choice ? null : choice })}>
              {t(`prechat.${choice}`)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
