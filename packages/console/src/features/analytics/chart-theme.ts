// Series colours that stay apart for the common colour-vision deficiencies (teal, amber, violet).
export const SERIES_COLOURS = ['#0f766e', '#b45309', '#6d28d9', '#be123c'] as const;
export const CHART_HEIGHT = 260;
/** Charts size to their card; tests and print get the card's width too. */
export const chartStyle = (height: number = CHART_HEIGHT) => ({ width: '100%', height });
