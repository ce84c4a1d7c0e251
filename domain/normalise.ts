/**
 * The form in which two names are compared (annotation guide, "Scoring"):
 * full-width to half-width (NFKC), quotes and 《》 removed, white space
 * removed. Dashes are unified (2023—2025 = 2023-2025).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[“”"‘’'《》「」『』]/g, '')
    .replace(/[—–－~～]/g, '-')
    .replace(/\s+/g, '');
}
