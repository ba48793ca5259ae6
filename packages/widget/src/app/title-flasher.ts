import { guard } from '../report-error.ts';

export type TitleFlasher = {
  /** Alternates the page title with `flashTitle(originalTitle)` until stopped. */
  start(flashTitle: (original: string) => string): void;
  stop(): void;
};

const FLASH_INTERVAL_MS = 1_500;

export function createTitleFlasher(doc: Pick<Document, 'title'> = document): TitleFlasher {
  let timer: ReturnType<typeof setInterval> | undefined;
  let original = '';
  let flashed = '';

  const stop = () => {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    // Only put back what we replaced: an SPA may have set a new title meanwhile.
    if (doc.title === flashed) doc.title = original;
  };

  return {
    start(flashTitle) {
      const isFlashing = timer !== undefined;
      if (!isFlashing || (doc.title !== flashed && doc.title !== original)) original = doc.title;
      flashed = flashTitle(original);
      doc.title = flashed;
      clearInterval(timer);
      timer = setInterval(guard('title flash', () => {
        if (doc.title !== flashed && doc.title !== original) original = doc.title;
        doc.title = doc.title === flashed ? original : flashed;
      }), FLASH_INTERVAL_MS);
    },
    stop,
  };
}
