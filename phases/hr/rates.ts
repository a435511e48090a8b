// Gross to net by country: a simplified statutory table (2025 figures), enough for the
// deductions to have the right size and shape: progressive income tax withholding on
// annualised pay, employee and employer social security with their contribution caps, a
// retirement plan and employer benefits. Not a payroll engine: state and local taxes, church
// tax, allowances and reliefs are folded into the rates or left out (docs/hr.md lists each).
// Amounts are in major units of the country's currency, per year.

export interface Contribution {
  name: string;
  /** Share of gross pay (after `floor`). */
  rate: number;
  /** Annual pay above which nothing is due (the contribution ceiling); Infinity: none. */
  cap: number;
  /** Annual pay below which nothing is due (a threshold, e.g. UK National Insurance). */
  floor: number;
}

export interface CountryPayroll {
  /** Income tax brackets on annualised taxable pay: [upper bound, marginal rate]. */
  tax: readonly (readonly [number, number])[];
  /** Annual allowance deducted before the brackets. */
  allowance: number;
  /** A flat regional tax on top (US state and local, JP resident tax), as a share of taxable pay. */
  regional: number;
  employee: readonly Contribution[];
  employer: readonly Contribution[];
  /** Employee and employer retirement contributions (shares of gross). */
  retirement: readonly [number, number];
  /** Employer health and other benefits, as a share of gross. */
  benefits: number;
  /** Where the figures come from. */
  source: string;
}

const c = (name: string, rate: number, cap = Infinity, floor = 0): Contribution => ({ name, rate, cap, floor });

export const COUNTRY_PAYROLL: Record<string, CountryPayroll> = {
  US: {
    allowance: 15_000,
    tax: [[11_925, 0.1], [48_475, 0.12], [103_350, 0.22], [197_300, 0.24], [250_525, 0.32], [626_350, 0.35], [Infinity, 0.37]],
    regional: 0.04,
    employee: [c("social_security", 0.062, 176_100), c("medicare", 0.0145)],
    employer: [c("social_security", 0.062, 176_100), c("medicare", 0.0145), c("futa", 0.006, 7_000), c("suta", 0.027, 10_000)],
    retirement: [0.05, 0.04],
    benefits: 0.09,
    source: "IRS Publication 15-T (2025 brackets, standard deduction), SSA 2025 wage base; state tax and SUTA as typical averages",
  },
  DE: {
    allowance: 12_096,
    tax: [[17_443, 0.14], [68_480, 0.3], [277_825, 0.42], [Infinity, 0.45]],
    regional: 0,
    employee: [c("pension", 0.093, 96_600), c("unemployment", 0.013, 96_600), c("health", 0.0855, 66_150), c("care", 0.018, 66_150)],
    employer: [c("pension", 0.093, 96_600), c("unemployment", 0.013, 96_600), c("health", 0.0855, 66_150), c("care", 0.018, 66_150), c("accident", 0.013, 96_600), c("levies", 0.01, 96_600)],
    retirement: [0.02, 0.02],
    benefits: 0.02,
    source: "DRV/GKV Beitragsbemessungsgrenzen 2025; EStG 2025 Grundfreibetrag, progression zones simplified to brackets",
  },
  GB: {
    allowance: 12_570,
    tax: [[37_700, 0.2], [112_570, 0.4], [Infinity, 0.45]],
    regional: 0,
    employee: [c("national_insurance", 0.08, 50_270, 12_570), c("national_insurance_upper", 0.02, Infinity, 50_270)],
    employer: [c("national_insurance", 0.15, Infinity, 5_000)],
    retirement: [0.05, 0.03],
    benefits: 0.03,
    source: "HMRC rates and thresholds 2025-26 (employer NI 15% above 5,000 from April 2025; auto-enrolment minimums)",
  },
  FR: {
    allowance: 0,
    tax: [[11_497, 0], [29_315, 0.11], [83_823, 0.3], [180_294, 0.41], [Infinity, 0.45]],
    regional: 0,
    employee: [c("social_security_capped", 0.069, 47_100), c("social_security", 0.004), c("csg_crds", 0.097), c("supplementary_pension", 0.0401, 47_100), c("unemployment", 0)],
    employer: [c("health_family", 0.1045), c("old_age_capped", 0.0855, 47_100), c("old_age", 0.0202), c("unemployment", 0.0405, 188_400), c("supplementary_pension", 0.0601, 47_100), c("accident_other", 0.04)],
    retirement: [0, 0],
    benefits: 0.02,
    source: "URSSAF taux 2025 (PASS 47,100), barème de l'impôt sur le revenu 2025 applied per person",
  },
  JP: {
    allowance: 1_030_000,
    tax: [[1_950_000, 0.05], [3_300_000, 0.1], [6_950_000, 0.2], [9_000_000, 0.23], [18_000_000, 0.33], [40_000_000, 0.4], [Infinity, 0.45]],
    regional: 0.1,
    employee: [c("health", 0.05, 16_560_000), c("pension", 0.0915, 7_800_000), c("employment_insurance", 0.0055)],
    employer: [c("health", 0.05, 16_560_000), c("pension", 0.0915, 7_800_000), c("employment_insurance", 0.009), c("child_support", 0.0036, 7_800_000), c("workers_compensation", 0.003)],
    retirement: [0, 0.02],
    benefits: 0.01,
    source: "Japan Pension Service and Kyokai Kenpo rates FY2025 (standard monthly remuneration caps), NTA income tax brackets",
  },
  CH: {
    allowance: 0,
    // Residents pay income tax themselves: employers withhold only for some foreign staff.
    tax: [[Infinity, 0]],
    regional: 0,
    employee: [c("ahv_iv_eo", 0.053), c("alv", 0.011, 148_200), c("uvg_nbu", 0.012, 148_200)],
    employer: [c("ahv_iv_eo", 0.053), c("alv", 0.011, 148_200), c("family_allowance", 0.015), c("uvg_bu", 0.005, 148_200)],
    retirement: [0.07, 0.08],
    benefits: 0.01,
    source: "BSV/AHV rates 2025, ALV ceiling 148,200; BVG contributions as a typical pension fund average",
  },
};

/** Countries without their own table: flat effective rates. */
export const DEFAULT_PAYROLL: CountryPayroll = {
  allowance: 0,
  tax: [[Infinity, 0.15]],
  regional: 0,
  employee: [c("social_security", 0.1)],
  employer: [c("social_security", 0.18)],
  retirement: [0.03, 0.03],
  benefits: 0.03,
  source: "generic effective rates (no statutory table for this country)",
};

export function payrollRules(country: string): CountryPayroll {
  return COUNTRY_PAYROLL[country] ?? DEFAULT_PAYROLL;
}

/** Income tax on an annual taxable amount (major units) by the brackets, progressively. */
export function annualTax(rules: CountryPayroll, taxable: number): number {
  let tax = 0;
  let lower = 0;
  const income = Math.max(0, taxable - rules.allowance);
  for (const [upper, rate] of rules.tax) {
    if (income <= lower) break;
    tax += (Math.min(income, upper) - lower) * rate;
    lower = upper;
  }
  return tax + income * rules.regional;
}
