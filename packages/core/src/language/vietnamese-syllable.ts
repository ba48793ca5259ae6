// The shape of a Vietnamese syllable written without diacritics: an optional initial consonant, a
// vowel nucleus, and a final consonant only after the nuclei that take one. Every syllable of
// Vietnamese fits it, while most English words do not (clusters such as "str", final s/d/r/l/k,
// the letters f j w z, and words of more than one syllable).
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
// Nuclei that end the syllable: vowels ending in a glide (ai, ao, ieu...) never take a final.
const OPEN = 'a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|iu|oi|ua|ui|uu|uy|oa|oe|ue|uo|ya|oai|oao|oay|oeo|uoi|uou|ieu|yeu|uya|uyu|uay';
// Nuclei that may be followed by a final consonant; ie, ye, uye and oo must be.
const CLOSED = 'a|e|i|o|u|oa|oe|ie|ye|uo|ua|ue|uy|uye|oo';
const FINAL = '(?:ch|ng|nh|[cmnpt])';
const SYLLABLE = new RegExp(`^${ONSET}(?:(?:${OPEN})|(?:${CLOSED})${FINAL})$`);

/** Whether a lower-case ASCII word could be a Vietnamese syllable typed without diacritics. */
export function isVietnameseSyllable(folded: string): boolean {
  return SYLLABLE.test(folded);
}
