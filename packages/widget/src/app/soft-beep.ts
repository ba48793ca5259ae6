type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

/**
 * A short, quiet two-tone chime. Browsers block audio until the visitor has interacted with
 * the page; then we stay silent rather than create a context that logs autoplay warnings.
 */
export function playSoftBeep(): void {
  const activation = (globalThis.navigator as Navigator & { userActivation?: { hasBeenActive: boolean } })?.userActivation;
  if (activation && !activation.hasBeenActive) return;
  const Context = (globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext) as AudioContextConstructor | undefined;
  if (!Context) return;
  context ??= new Context();
  // A refused resume is the browser's autoplay policy saying no: silence is the intended outcome.
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const start = context.currentTime;
  for (const [offset, frequency] of [[0, 880], [0.12, 1320]] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.06, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.25);
  }
}
