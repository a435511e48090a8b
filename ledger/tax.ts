// Sales tax / VAT rates by country, and a company's rate (its own setting first).
/** Sales tax / VAT of a company: its own setting, else its country's standard rate. */
export function vatRate(c: { vatRate?: number; country: string }): number {
  return c.vatRate ?? TAX_RATES[c.country] ?? 0.15;
}

/** Sales tax / VAT by country; a plausible default elsewhere. */
export const TAX_RATES: Record<string, number> = {
  US: 0.07, DE: 0.19, GB: 0.2, FR: 0.2, JP: 0.1, CH: 0.081, IT: 0.22, ES: 0.21, NL: 0.21, AT: 0.2, BE: 0.21,
  SE: 0.25, DK: 0.25, NO: 0.25, PL: 0.23, CA: 0.05, AU: 0.1, NZ: 0.15, IN: 0.18, CN: 0.13, SG: 0.09, MX: 0.16, BR: 0.17,
};
