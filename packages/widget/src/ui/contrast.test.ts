import { describe, expect, test } from 'vitest';
import { AA_CONTRAST, contrastRatio, DARK_TEXT, LIGHT_TEXT, readableTextColor, relativeLuminance } from './contrast.ts';

describe('text colour on the brand colour', () => {
  test('a light colour gets near-black text', () => {
    expect(readableTextColor('#ffd400')).toBe(DARK_TEXT);
    expect(readableTextColor('#f5f5f5')).toBe(DARK_TEXT);
  });

  test('a dark colour gets white text', () => {
    expect(readableTextColor('#1f2937')).toBe(LIGHT_TEXT);
    expect(readableTextColor('#0b5cff')).toBe(LIGHT_TEXT);
  });

  test('luminance follows WCAG: black 0, white 1', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  test('every colour on a coarse grid gets text meeting AA', () => {
    const steps = ['00', '33', '66', '77', '88', '99', 'cc', 'ff'];
    for (const r of steps) for (const g of steps) for (const b of steps) {
      const background = `#${r}${g}${b}`;
      expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
  });
});
