// Record ids of the master tables: a table prefix, the company code and a zero-padded ordinal,
// padded from precomputed digit strings because ids are formatted for every row.

/** DIGITS_N[n][x]: x as n zero-padded digits (n = 1..4), so digit runs need no number formatting. */
export const DIGITS_N: string[][] = [0, 1, 2, 3, 4].map((n) => Array.from({ length: 10 ** n }, (_, x) => String(10 ** n + x).slice(1)));

export function pad(n: number, width: number): string {
  if (width === 6 && n < 1_000_000) return DIGITS_N[2]![Math.floor(n / 10000)]! + DIGITS_N[4]![n % 10000]!;
  if (width === 4 && n < 10_000) return DIGITS_N[4]![n]!;
  return String(n).padStart(width, "0");
}
export const vendorId = (company: string, i: number) => `V-${company}-${pad(i + 1, 6)}`;
export const customerId = (company: string, i: number) => `C-${company}-${pad(i + 1, 6)}`;
export const materialId = (company: string, i: number) => `M-${company}-${pad(i + 1, 6)}`;
export const assetId = (company: string, i: number) => `FA-${company}-${pad(i + 1, 6)}`;
export const employeeId = (company: string, i: number) => `E-${company}-${pad(i + 1, 6)}`;
export const costCenterId = (company: string, i: number) => `CC-${company}-${pad(i + 1, 4)}`;
