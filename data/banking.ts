// Reference data of the banking phase: cash reporting thresholds per country (with their
// sources), the financial intelligence units SARs go to, high-risk and offshore jurisdictions,
// merchant category codes and customer segments. Amounts are in major units of the currency
// named (USD where the row says so); nothing here names a real person.

export interface ReportingThreshold {
  country: string;
  currency: string;
  /** Cash amount that makes a report mandatory; null where the country has no general cash transaction report. */
  threshold: number | null;
  /** more_than: strictly above the threshold; at_least: the threshold itself is reported. */
  comparison: "more_than" | "at_least" | "none";
  /** How several cash transactions are added up before the comparison. */
  aggregation: "business_day" | "24_hours" | "calendar_month" | "none";
  report: string;
  regulator: string;
  /** Other cash thresholds that matter to a launderer (proof of origin, identification), as text. */
  note: string;
  source: string;
}

/**
 * Cash reporting thresholds. Where a country has no general threshold, `threshold` is null and
 * the bank monitors cash against its own internal threshold (see INTERNAL_CASH_THRESHOLD_USD).
 */
export const REPORTING_THRESHOLDS: readonly ReportingThreshold[] = [
  {
    country: "US", currency: "USD", threshold: 10_000, comparison: "more_than", aggregation: "business_day", report: "Currency Transaction Report (CTR)", regulator: "FinCEN",
    note: "multiple cash transactions by or for one person on one business day are added up (31 CFR 1010.313)",
    source: "31 CFR 1010.311 and 1010.313(b), https://www.law.cornell.edu/cfr/text/31/1010.311",
  },
  {
    country: "CA", currency: "CAD", threshold: 10_000, comparison: "at_least", aggregation: "24_hours", report: "Large Cash Transaction Report (LCTR)", regulator: "FINTRAC",
    note: "two or more cash transactions of one client within 24 consecutive hours totalling 10,000 or more count as one",
    source: "Proceeds of Crime (Money Laundering) and Terrorist Financing Regulations (24-hour rule), https://www.antimoneylaunderinglaw.com/aml-law-in-canada/large-cash-transactions",
  },
  {
    country: "AU", currency: "AUD", threshold: 10_000, comparison: "at_least", aggregation: "none", report: "Threshold Transaction Report (TTR)", regulator: "AUSTRAC",
    note: "physical currency of 10,000 or more; due within 10 business days; each transaction assessed on its own (AUSTRAC guidance 2022)",
    source: "AML/CTF Act 2006 s 43, https://austrac.gov.au/business/core-guidance/reporting",
  },
  {
    country: "FR", currency: "EUR", threshold: 10_000, comparison: "more_than", aggregation: "calendar_month", report: "Communication systematique d'informations (COSI)", regulator: "Tracfin",
    note: "cash deposits and withdrawals on one account whose cumulated amount in a calendar month exceeds 10,000 EUR",
    source: "Code monetaire et financier L561-15-1 II, decret 2015-324, https://www.economie.gouv.fr/tracfin/communications-systematiques-dinformations-cosi",
  },
  {
    country: "IT", currency: "EUR", threshold: 10_000, comparison: "at_least", aggregation: "calendar_month", report: "Comunicazioni oggettive", regulator: "UIF (Banca d'Italia)",
    note: "cash operations of 10,000 EUR or more in a calendar month, counting single operations of 1,000 EUR or more",
    source: "D.lgs. 231/2007 art. 47, UIF instructions of 28 March 2019, https://uif.bancaditalia.it/pubblicazioni/newsletter/2020/newsletter-2020-2/",
  },
  {
    country: "DE", currency: "EUR", threshold: null, comparison: "none", aggregation: "none", report: "none (suspicious transaction reports only)", regulator: "FIU (Zoll)",
    note: "no cash transaction report; since 8 August 2021 banks require proof of origin for cash deposits above 10,000 EUR, also when split into several deposits (2,500 EUR for non-customers)",
    source: "BaFin Auslegungs- und Anwendungshinweise GwG, Besonderer Teil Kreditinstitute; e.g. https://www.sparkasse-regensburg.de/de/home/aktionen/hinweis-zu-hohen-bargeldeinzahlungen-.html",
  },
  {
    country: "GB", currency: "GBP", threshold: null, comparison: "none", aggregation: "none", report: "none (Suspicious Activity Reports only)", regulator: "NCA (UK Financial Intelligence Unit)",
    note: "no cash transaction report; customer due diligence for occasional transactions of 15,000 EUR or more, 10,000 EUR for high value dealers (MLR 2017 reg. 27)",
    source: "Money Laundering Regulations 2017 reg. 27; https://gov.uk/hmrc-internal-manuals/economic-crime-supervision-handbook/ecsh33312",
  },
  {
    country: "CH", currency: "CHF", threshold: null, comparison: "none", aggregation: "none", report: "none (reports to MROS on suspicion only)", regulator: "MROS",
    note: "no cash transaction report; identification of the contracting party for cash transactions of 25,000 CHF or more (AMLO-FINMA art. 51, status 2015-06)",
    source: "AMLO-FINMA (SR 955.033.0) art. 51, https://www.termdat.bk.admin.ch/entry/68427",
  },
];

/** The bank's own cash monitoring threshold where the country has no reporting threshold: 10,000 USD, rounded in the local currency (an assumption, documented). */
export const INTERNAL_CASH_THRESHOLD_USD = 10_000;

/** Where suspicious activity reports go, and the filing deadline where the law gives one in days. */
export const FIUS: Readonly<Record<string, { fiu: string; report: string; deadlineDays: number | null; source: string }>> = {
  US: { fiu: "FinCEN", report: "SAR", deadlineDays: 30, source: "31 CFR 1020.320(b)(3): within 30 calendar days of initial detection" },
  AU: { fiu: "AUSTRAC", report: "SMR", deadlineDays: 3, source: "AUSTRAC: within 3 business days of forming the suspicion (24 hours for terrorism financing)" },
  GB: { fiu: "NCA", report: "SAR", deadlineDays: null, source: "POCA 2002 part 7: as soon as practicable" },
  DE: { fiu: "FIU", report: "Verdachtsmeldung", deadlineDays: null, source: "GwG s 43: without delay" },
  FR: { fiu: "Tracfin", report: "declaration de soupcon", deadlineDays: null, source: "CMF L561-15: before the transaction where possible" },
  CH: { fiu: "MROS", report: "STR", deadlineDays: null, source: "AMLA art. 9: immediately" },
  CA: { fiu: "FINTRAC", report: "STR", deadlineDays: null, source: "PCMLTFA s 7: as soon as practicable" },
  IT: { fiu: "UIF", report: "SOS", deadlineDays: null, source: "D.lgs. 231/2007 art. 35: without delay" },
};
export const DEFAULT_FIU = { fiu: "FIU", report: "STR", deadlineDays: null, source: "FATF Recommendation 20: promptly" };

/** FATF high-risk jurisdictions subject to a call for action (the "black list"), June and October 2025. */
export const FATF_CALL_FOR_ACTION = ["KP", "IR", "MM"] as const;

/** Offshore financial centres the round-tripping and shell typologies route through (an assumption, not a legal list). */
export const OFFSHORE_CENTRES = ["VG", "KY", "PA", "SC", "BZ", "BS"] as const;

/**
 * Transit jurisdictions of the sanctions-evasion typology's intermediaries: transshipment points
 * FinCEN and BIS named in FIN-2022-Alert003 (28 June 2022), plus Hong Kong (an assumption).
 */
export const TRANSIT_COUNTRIES = ["AE", "TR", "HK", "AM", "KG", "RS"] as const;

/** ISO 18245 merchant category codes used for card purchases: [code, description, weight, typical amount in USD]. */
export const MCC: readonly (readonly [string, string, number, number])[] = [
  ["5411", "grocery stores and supermarkets", 30, 45],
  ["5812", "eating places and restaurants", 14, 32],
  ["5814", "fast food restaurants", 10, 12],
  ["5541", "service stations", 8, 55],
  ["5912", "drug stores and pharmacies", 5, 22],
  ["5311", "department stores", 4, 70],
  ["5651", "family clothing stores", 4, 60],
  ["5732", "electronics stores", 2, 180],
  ["5942", "book stores", 2, 25],
  ["5999", "miscellaneous retail stores", 5, 35],
  ["4111", "local and suburban commuter transport", 6, 8],
  ["4121", "taxicabs and limousines", 3, 24],
  ["4814", "telecommunication services", 2, 40],
  ["4900", "utilities", 2, 90],
  ["5815", "digital goods media", 4, 12],
  ["7832", "motion picture theatres", 1, 20],
  ["7997", "clubs and fitness", 1, 45],
  ["4511", "airlines", 1, 320],
  ["7011", "hotels and lodging", 1, 240],
  ["8011", "doctors", 1, 110],
];

/** Recurring card subscriptions (one a month on every credit card): [code, merchant, amount in USD]. */
export const SUBSCRIPTIONS: readonly (readonly [string, string, number])[] = [
  ["4899", "Streamline Video", 12.99], ["5815", "Tunebox Music", 9.99], ["4814", "Clearline Mobile", 25], ["7997", "Peak Fitness Club", 39],
  ["5968", "Daily Press Digital", 14.99], ["5817", "Cloudkeep Storage", 2.99],
];

export type PersonSegment = "student" | "salaried" | "retiree" | "self_employed" | "high_net_worth";
export type BusinessSegment = "retail_shop" | "restaurant" | "professional_services" | "construction" | "import_export" | "online_merchant" | "consulting" | "holding";

/** Person segments: [segment, weight, monthly income low / high in USD, activity multiplier, source of funds]. */
export const PERSON_SEGMENTS: readonly (readonly [PersonSegment, number, number, number, number, string])[] = [
  ["salaried", 58, 2_200, 7_500, 1, "salary"],
  ["student", 10, 500, 1_400, 0.8, "family_support"],
  ["retiree", 17, 1_300, 3_800, 0.7, "pension"],
  ["self_employed", 12, 2_000, 9_000, 1.2, "business_revenue"],
  ["high_net_worth", 3, 15_000, 60_000, 1.4, "investments"],
];

/** Business segments: [segment, weight, monthly revenue low / high in USD, activity multiplier, cash share of takings, trade word]. */
export const BUSINESS_SEGMENTS: readonly (readonly [BusinessSegment, number, number, number, number, number, string])[] = [
  ["retail_shop", 22, 15_000, 120_000, 4, 0.35, "retail_trade"],
  ["restaurant", 14, 20_000, 90_000, 4, 0.3, "merchandise"],
  ["professional_services", 20, 10_000, 80_000, 2, 0, "professional_services"],
  ["construction", 12, 30_000, 250_000, 2.5, 0.05, "industrial"],
  ["import_export", 8, 50_000, 400_000, 2.5, 0, "logistics"],
  ["online_merchant", 12, 10_000, 150_000, 5, 0, "tech_firm"],
  ["consulting", 8, 8_000, 60_000, 1.5, 0, "professional_services"],
  ["holding", 4, 5_000, 100_000, 0.8, 0, "finance"],
];

/** Occupations of persons by segment (KYC). */
export const OCCUPATIONS: Readonly<Record<PersonSegment, readonly string[]>> = {
  salaried: ["nurse", "teacher", "software developer", "accountant", "sales assistant", "engineer", "civil servant", "logistics coordinator", "electrician", "marketing manager", "pharmacist", "bus driver"],
  student: ["student"],
  retiree: ["retired"],
  self_employed: ["plumber", "photographer", "consultant", "hairdresser", "taxi driver", "architect", "translator", "physiotherapist"],
  high_net_worth: ["company director", "investor", "surgeon", "partner, law firm"],
};
