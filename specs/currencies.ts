// ISO 4217 currencies synth knows: minor digits and a reference rate in USD (units of USD per
// unit of the currency), used when a scenario does not give its own rate.
export const CURRENCIES: Record<string, { digits: number; usd: number; name: string }> = {
  USD: { digits: 2, usd: 1, name: "US dollar" },
  EUR: { digits: 2, usd: 1.085, name: "Euro" },
  GBP: { digits: 2, usd: 1.27, name: "Pound sterling" },
  CHF: { digits: 2, usd: 1.13, name: "Swiss franc" },
  JPY: { digits: 0, usd: 0.0067, name: "Japanese yen" },
  CNY: { digits: 2, usd: 0.138, name: "Chinese yuan" },
  CAD: { digits: 2, usd: 0.73, name: "Canadian dollar" },
  AUD: { digits: 2, usd: 0.66, name: "Australian dollar" },
  NZD: { digits: 2, usd: 0.61, name: "New Zealand dollar" },
  SEK: { digits: 2, usd: 0.095, name: "Swedish krona" },
  NOK: { digits: 2, usd: 0.094, name: "Norwegian krone" },
  DKK: { digits: 2, usd: 0.145, name: "Danish krone" },
  PLN: { digits: 2, usd: 0.25, name: "Polish zloty" },
  CZK: { digits: 2, usd: 0.043, name: "Czech koruna" },
  HUF: { digits: 2, usd: 0.0028, name: "Hungarian forint" },
  INR: { digits: 2, usd: 0.012, name: "Indian rupee" },
  BRL: { digits: 2, usd: 0.2, name: "Brazilian real" },
  MXN: { digits: 2, usd: 0.058, name: "Mexican peso" },
  ZAR: { digits: 2, usd: 0.054, name: "South African rand" },
  SGD: { digits: 2, usd: 0.74, name: "Singapore dollar" },
  HKD: { digits: 2, usd: 0.128, name: "Hong Kong dollar" },
  KRW: { digits: 0, usd: 0.00075, name: "South Korean won" },
  TRY: { digits: 2, usd: 0.031, name: "Turkish lira" },
  AED: { digits: 2, usd: 0.272, name: "UAE dirham" },
  SAR: { digits: 2, usd: 0.267, name: "Saudi riyal" },
  ILS: { digits: 2, usd: 0.27, name: "Israeli new shekel" },
  BHD: { digits: 3, usd: 2.65, name: "Bahraini dinar" },
  KWD: { digits: 3, usd: 3.25, name: "Kuwaiti dinar" },
  THB: { digits: 2, usd: 0.028, name: "Thai baht" },
  MYR: { digits: 2, usd: 0.21, name: "Malaysian ringgit" },
  IDR: { digits: 2, usd: 0.000063, name: "Indonesian rupiah" },
  PHP: { digits: 2, usd: 0.018, name: "Philippine peso" },
  CLP: { digits: 0, usd: 0.00107, name: "Chilean peso" },
  COP: { digits: 2, usd: 0.00025, name: "Colombian peso" },
};

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(CURRENCIES, code);
}

export function minorDigits(code: string): number {
  return CURRENCIES[code]?.digits ?? 2;
}
