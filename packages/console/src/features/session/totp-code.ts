// Authenticator apps show codes as "123 456", and a Persian keyboard types ۱۲۳۴۵۶: the server
// takes six ASCII digits, so both are normalised before sending.
const DIGIT_ZEROS = [0x06f0, 0x0660]; // Extended Arabic-Indic (Persian), Arabic-Indic

export function normalizeTotpCode(text: string): string {
  let ascii = '';
  for (const char of text.replace(/\s+/g, '')) {
    const code = char.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    ascii += zero === undefined ? char : String(code - zero);
  }
  return ascii;
}
