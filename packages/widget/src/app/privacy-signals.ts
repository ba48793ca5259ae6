type PrivacyNavigator = Navigator & { globalPrivacyControl?: boolean };

/**
 * Whether the browser asks sites not to track (Global Privacy Control, or the older Do Not
 * Track). Then the visitor's session is created without behaviour consent, so the server keeps
 * no page views or custom events for them, and the widget does not even send page views.
 */
export function prefersNoTracking(nav: PrivacyNavigator = navigator): boolean {
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1';
}
