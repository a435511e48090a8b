// The KYC file of a customer (identity document, declared and true source of funds, expected
// turnover, PEP status, screening result, risk rating with its reasons) and the owners of
// businesses and trusts. Suspicious customers declare an ordinary source; their true one differs.
import type { Rng } from "../../core/rng.ts";
import { countryProfile } from "../../data/countries.ts";
import { OCCUPATIONS, OFFSHORE_CENTRES, type PersonSegment } from "../../data/banking.ts";
import type { Bank } from "./bank.ts";
import { participant } from "./cases.ts";
import { customerRng, isDecoy, isPep, type Head } from "./customers.ts";
import { fillTemplate } from "./ids.ts";
import { businessName, fullName, personName } from "./names.ts";
import { recordOf, type CustomerRecord } from "./record.ts";

export interface Kyc {
  docType: string;
  docNumber: string;
  verified: boolean;
  verifiedDay: number;
  occupation?: string;
  industry?: string;
  declared: string;
  trueSource: string;
  expectedTurnover: number;
  pep: boolean;
  pepCategory?: string;
  screening: "clear" | "potential_match_cleared" | "confirmed_match";
  rating: "low" | "medium" | "high";
  score: number;
  reasons: string[];
  lastReview: number;
  nextReview: number;
}

const TRUE_SOURCE: Record<string, string> = {
  mule: "fraud_proceeds", controller: "criminal_proceeds", originator: "undeclared_income", evader: "business_revenue",
};

const careful = (h: Head) => !!h.suspicious && (h.suspicious.case.sophistication === "professional" || h.suspicious.case.sophistication === "advanced") && h.suspicious.role !== "mule";

export const REVIEW_CYCLE_DAYS = { low: 3 * 365, medium: 2 * 365, high: 365 } as const;

export function kycOf(bank: Bank, rec: CustomerRecord): Kyc {
  const h = rec.head;
  const rng = customerRng(bank, h.i, "kyc");
  const person = h.kind === "person";
  const docType = person ? (["passport", "national_id", "driving_licence"] as const)[rng.int(3)]! : h.kind === "trust" ? "trust_deed" : "company_register";
  const docNumber = fillTemplate(rng, person ? "AA#######" : "HRB ######").replace(" ", "");
  const pep = isPep(bank, h.i);
  const role = h.suspicious?.role;
  const trueSource = role ? (TRUE_SOURCE[role] ?? "criminal_proceeds") : h.declaredSource;
  const reasons: string[] = [];
  let score = 10 + rng.int(10);
  const add = (reason: string, points: number) => (reasons.push(reason), (score += points));
  // Every PEP, family member and close associate gets enhanced due diligence: rated high whatever else the file says
  // (UK MLR 2017 reg. 35, EU Directive 2015/849 art. 20-23; FATF Recommendation 12).
  if (pep) add("pep", 45);
  if (h.country.code !== bank.country) add("non_resident", 12);
  if (h.cashShare >= 0.2) add("cash_intensive", 15);
  if (h.kind === "trust" || h.segment === "holding") add("complex_structure", 15);
  if (role === "shell") add("offshore_owner", 20);
  if (rec.incorporated !== undefined && h.onboard - rec.incorporated < 365) add("new_business", 10);
  if (isDecoy(bank, h.i)) add("adverse_screening", 5);
  // A careful launderer keeps the file clean; a careless one shows through.
  if (h.suspicious && h.suspicious.case.sophistication === "basic" && rng.chance(0.5)) add("high_risk_country", 15);
  score = Math.min(100, score);
  const rating = score >= 55 ? "high" : score >= 30 ? "medium" : "low";
  const cycle = REVIEW_CYCLE_DAYS[rating];
  const lastReview = h.onboard >= bank.firstDay ? h.onboard : h.onboard + Math.floor((bank.firstDay - h.onboard) / cycle) * cycle;
  return {
    docType, docNumber, verified: !rng.chance(0.01), verifiedDay: h.onboard, declared: h.declaredSource, trueSource,
    occupation: person ? OCCUPATIONS[h.segment as PersonSegment]?.[rng.int(OCCUPATIONS[h.segment as PersonSegment]?.length ?? 1)] : undefined,
    industry: person ? undefined : h.kind === "trust" ? "trust_and_estate" : h.segment,
    // Professional launderers declare a turnover that covers what they will move.
    expectedTurnover: Math.round((h.income * (0.8 + 0.45 * rng.next()) * (careful(h) ? 4 + 4 * rng.next() : 1)) / 100) * 100,
    pep, pepCategory: pep ? (["domestic", "foreign", "international_organisation", "family_member", "close_associate"] as const)[rng.int(5)] : undefined,
    screening: pep ? "confirmed_match" : isDecoy(bank, h.i) ? "potential_match_cleared" : "clear",
    rating, score, reasons, lastReview, nextReview: lastReview + cycle,
  };
}

export interface Owner {
  id: string;
  name: string;
  customer?: number;
  type: "person" | "organisation";
  percent: number;
  control: "shareholding" | "director" | "nominee" | "trustee" | "settlor" | "beneficiary";
  country: string;
  birth?: number;
  pep: boolean;
}

/** Owners of a business or trust: ordinary shareholders, or the case's controller, nominees and offshore holders. */
export function ownersOf(bank: Bank, rec: CustomerRecord): Owner[] {
  const h = rec.head;
  if (h.kind === "person") return [];
  const rng = customerRng(bank, h.i, "owners");
  const uid = (n: number) => `UBO-${rec.id.slice(3)}-${n + 1}`;
  const ext = (n: number, pct: number, control: Owner["control"], pep = false): Owner => {
    const p = personName(rng, h.country);
    return { id: uid(n), name: fullName(p), type: "person", percent: pct, control, country: h.country.code, birth: bank.firstDay - (30 + rng.int(40)) * 365, pep };
  };
  const role = h.suspicious?.role;
  if (role === "shell") {
    const offshore = countryProfile(OFFSHORE_CENTRES[rng.int(OFFSHORE_CENTRES.length)]!);
    return [
      { id: uid(0), name: businessName(rng, offshore, "finance"), type: "organisation", percent: 10000, control: "shareholding", country: offshore.code, pep: false },
      { ...ext(1, 0, "nominee"), country: offshore.code },
    ];
  }
  const controller = caseController(bank, h);
  if (controller !== undefined) {
    const c = recordOf(bank, controller);
    return [{ id: c.id, name: c.name, customer: controller, type: "person", percent: 10000, control: "shareholding", country: c.head.country.code, birth: c.birth, pep: isPep(bank, controller) }];
  }
  if (h.kind === "trust") return [ext(0, 0, "settlor"), { id: uid(1), name: businessName(rng, h.country, "finance"), type: "organisation", percent: 0, control: "trustee", country: h.country.code, pep: false }, ext(2, 10000, "beneficiary")];
  const k = 1 + rng.int(3);
  const shares = splitHundredths(rng, k);
  return shares.map((pct, n) => ext(n, pct, "shareholding", n === 0 && isPep(bank, h.i)));
}

/** The suspicious customer a front company or round-tripping vehicle belongs to, if the case has one. */
function caseController(bank: Bank, h: Head): number | undefined {
  const s = h.suspicious;
  if (!s) return undefined;
  if (s.role === "front_company" && s.case.typology === "round_tripping") return participant(bank, s.case, 0);
  if (s.role === "front_company" && s.case.parts > 1) return participant(bank, s.case, 1);
  return undefined;
}

/** k shares in hundredths of a percent adding up to 10,000, the first the largest. */
function splitHundredths(rng: Rng, k: number): number[] {
  const w = Array.from({ length: k }, () => 0.2 + rng.next());
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((x / sum) * 10000));
  parts[0]! += 10000 - parts.reduce((a, b) => a + b, 0);
  return parts.sort((a, b) => b - a);
}

