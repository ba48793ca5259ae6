import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WidgetController } from '../app/widget-controller.ts';
import type { Translate } from '../i18n/widget-i18n.ts';
import type { WidgetLocale, WidgetState } from '../state/widget-state.ts';

/** What every component reads: a new value per state change, so the tree re-renders with it. */
export type WidgetUi = {
  controller: WidgetController;
  state: WidgetState;
  t: Translate;
  locale: WidgetLocale;
};

export const WidgetContext = createContext<WidgetUi | null>(null);

export function useWidget(): WidgetUi {
  const ui = useContext(WidgetContext);
  if (!ui) throw new Error('useWidget outside <WidgetContext.Provider>');
  return ui;
}
