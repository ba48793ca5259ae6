export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#111827';
/** No near-black reaches 4.5:1 on every mid-tone; pure black always does where white does not. */
export const BLACK_TEXT = '#000000';
/** WCAG 2.x AA for normal text. */
export const AA_CONTRAST = 4.5;

/** WCAG relative luminance of a `#rrggbb` colour (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function relativeLuminance(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return 0;
  const value = Number.parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on `background`; black when neither reaches AA. */
export function readableTextColor(background: string): string {
  const light = contrastRatio(background, LIGHT_TEXT);
  const dark = contrastRatio(background, DARK_TEXT);
  if (Math.max(light, dark) >= AA_CONTRAST) return light >= dark ? LIGHT_TEXT : DARK_TEXT;
  return BLACK_TEXT;
}
