// Typologies with trading partners, mules and victims: trade-based laundering, money mules,
// shell companies, account takeover, authorised push payment fraud, business email compromise
// and sanctions evasion. Victims pay from their own money (their reserve covers it); everyone
// else only passes on what the case gave them.
import { hash32, Rng } from "../../core/rng.ts";
import { OFFSHORE_CENTRES, TRANSIT_COUNTRIES } from "../../data/banking.ts";
import { PARTNER_COUNTRIES } from "../../data/countries.ts";
import { masterParams, vendorRecord } from "../master_data/index.ts";
import { H_BANK, type Bank } from "./bank.ts";
import type { CaseBuilder, End, When } from "./case-builder.ts";
import type { CaseInfo } from "./cases.ts";
import { headOf } from "./customers.ts";
import { drain, move, wireIn, wireOut } from "./legs.ts";
import { nameVariant } from "./names.ts";
import { noiseEntry } from "./watchlist.ts";

const foreignCountry = (b: CaseBuilder) => b.pick(PARTNER_COUNTRIES.map((c) => c[0]).filter((c) => c !== b.bank.country));

export interface Partner {
  id: string;
  name: string;
  account: string;
  bank: string;
  country: string;
}

/** A vendor of one of the scenario's companies, picked for a case (its real name and bank details). */
export function scenarioVendor(bank: Bank, info: CaseInfo, lane: number): Partner | undefined {
  const counts = masterParams({ params: (id: string) => bank.plan.phases.find((p) => p.id === id)?.params });
  if (!counts || counts.vendors === 0 || bank.plan.companies.length === 0) return undefined;
  const rng = new Rng(bank.seed, H_BANK, hash32("scenario-vendor"), info.index, lane);
  const v = vendorRecord(bank.plan, rng.int(bank.plan.companies.length), rng.int(counts.vendors));
  return { id: v.id, name: v.name, account: v.iban ?? v.bankAccount, bank: v.bankCode, country: v.country };
}

const partnerEnd = (p: Partner): End => ({ kind: "external", party: { name: p.name, account: p.account, bank: p.bank, country: p.country } });

function tradeBased(b: CaseBuilder): void {
  const [front, controller] = b.parts;
  b.selfFunded(front!);
  const n = b.info.rows;
  const integration = controller === undefined ? 1 : 2;
  const rest = n - integration;
  const exports = Math.max(1, Math.ceil(rest * 0.6));
  const imports = rest - exports;
  const markup = [[0.5, 2], [0.3, 0.8], [0.15, 0.4], [0.1, 0.25]][b.soph]!;
  const buyer = scenarioVendor(b.bank, b.info, 0);
  const supplier = scenarioVendor(b.bank, b.info, 1);
  b.plan.partnerRef = buyer?.id;
  let when = b.at(b.first, true);
  let fair = 0;
  let invoiced = 0;
  for (let k = 0; k < exports; k++) {
    const value = b.usd(8_000 + b.rng.next() * 60_000 * (1 + b.soph));
    const factor = 1 + markup[0]! + (markup[1]! - markup[0]!) * b.rng.next();
    const paid = Math.round(value * factor);
    fair += value;
    invoiced += paid;
    const units = 100 + b.rng.int(900);
    wireIn(b, front!, when, paid, buyer ? partnerEnd(buyer) : b.company(foreignCountry(b)), { stage: "layering", ref: `INV-${b.info.id.slice(5)}-${k + 1} ${units} units @ ${(paid / units / 10 ** b.bank.digits).toFixed(2)} (market ${(value / units / 10 ** b.bank.digits).toFixed(2)})` });
    when = b.after(when, 3 + b.rng.int(10));
  }
  // Under-invoiced imports take a share of what came in, split over the purchase orders.
  if (imports > 0) {
    for (const paid of b.split(Math.max(imports, Math.floor(b.held_(front!) * (0.3 + 0.2 * b.rng.next()))), imports)) {
      wireOut(b, front!, when, paid, supplier ? partnerEnd(supplier) : b.company(foreignCountry(b)), { stage: "layering", ref: `PO-${b.info.id.slice(5)}-${b.rows + 1} goods (under-invoiced)` });
      when = b.after(when, 2 + b.rng.int(8));
    }
  }
  b.plan.fair = fair;
  b.plan.invoiced = invoiced;
  if (controller !== undefined) {
    move(b, front!, controller, when, Math.floor(b.held_(front!) * 0.9), { stage: "integration", ref: "Dividend" });
  } else drain(b, front!, when, 1, { stage: "integration", to: () => b.company(b.pick(OFFSHORE_CENTRES), "finance"), ref: "Dividend" });
}

/** Splits `total` rows into rounds of some incoming items followed by `fixed` rows each, three incoming items a round or so. */
function rounds(total: number, fixed: number): number[] {
  const n = Math.max(1, Math.floor(total / (3 + fixed)));
  const ins = total - n * fixed;
  return Array.from({ length: n }, (_, i) => Math.floor(ins / n) + (i < ins % n ? 1 : 0));
}

function moneyMule(b: CaseBuilder): void {
  const k = b.parts.length;
  const controller = k >= 3 ? b.parts[k - 1] : undefined;
  const mules = controller === undefined ? b.parts : b.parts.slice(0, -1);
  b.selfFunded(...b.parts);
  const forward = controller === undefined ? 1 : 2;
  const rows = b.info.rows - (controller === undefined ? 0 : 1);
  let last: When = b.at(b.first);
  mules.forEach((m, j) => {
    const mine = Math.floor(rows / mules.length) + (j < rows % mules.length ? 1 : 0);
    let when = b.at(b.first + b.rng.int(Math.max(1, b.info.days - 3)));
    // Fraud proceeds come in from several senders, and each batch leaves within a day or two, less the mule's commission.
    for (const batch of rounds(mine, forward)) {
      for (let t = 0; t < batch; t++) {
        wireIn(b, m, when, b.styled(b.usd(300 + b.rng.next() * 4_000)), b.person(b.bank.country), { stage: "placement", ref: b.pick(["Order 1182", "Deposit", "Payment", "Invoice"]) });
        when = b.after(when, b.rng.int(2));
      }
      const out = Math.floor(b.held_(m) * (0.9 + 0.05 * b.rng.next()));
      when = b.after(when, b.rng.int(2));
      if (controller !== undefined) move(b, m, controller, when, out, { stage: "layering", ref: "Loan" });
      else wireOut(b, m, when, out, b.company(b.pick(["LT", "EE", "MT", "CY", ...OFFSHORE_CENTRES]), "finance"), { stage: "layering", ref: "Crypto exchange top-up" });
      if (when.day > last.day || (when.day === last.day && when.sec > last.sec)) last = when;
      when = b.after(when, 1 + b.rng.int(3));
    }
  });
  if (controller !== undefined) drain(b, controller, b.after(last, 1), 1, { stage: "integration", to: () => b.company(b.pick(OFFSHORE_CENTRES), "finance"), ref: "Investment" });
}

function shellCompany(b: CaseBuilder): void {
  const k = b.parts.length;
  const controller = k >= 2 ? b.parts[k - 1] : undefined;
  const shells = controller === undefined ? b.parts : b.parts.slice(0, -1);
  b.selfFunded(...b.parts);
  const chain = 2 * (shells.length - 1) + (controller === undefined ? 1 : 2);
  const unit = 10 ** b.bank.digits * (b.soph <= 1 ? 10_000 : 1);
  let when = b.at(b.first, true);
  const batches = rounds(b.info.rows, chain);
  const gap = Math.max(2, Math.floor(b.info.days / batches.length / 3));
  // Each round: round sums from offshore "consultancy" clients, passed along the shells, then to the controller.
  for (const ins of batches) {
    for (let t = 0; t < ins; t++) {
      const amount = Math.max(unit, Math.round(b.usd(30_000 + b.rng.next() * 200_000) / unit) * unit);
      wireIn(b, shells[0]!, when, amount, b.company(b.pick(OFFSHORE_CENTRES), "professional_services"), { stage: "placement", ref: b.pick(["Consulting fees", "Management services", "Advisory agreement"]) });
      when = b.after(when, 1 + b.rng.int(gap));
    }
    for (let s = 1; s < shells.length; s++) {
      const amount = Math.max(1, Math.floor((b.held_(shells[s - 1]!) * 0.97) / unit) * unit || b.held_(shells[s - 1]!));
      move(b, shells[s - 1]!, shells[s]!, when, amount, { stage: "layering", ref: "Services rendered" });
      when = b.after(when, 1 + b.rng.int(gap));
    }
    const lastShell = shells[shells.length - 1]!;
    if (controller !== undefined) move(b, lastShell, controller, when, b.held_(lastShell), { stage: "integration", ref: "Director loan" });
    else drain(b, lastShell, when, 1, { stage: "integration", to: () => b.company(b.bank.country, "finance"), ref: "Property purchase" });
    when = b.after(when, 1 + b.rng.int(gap));
  }
}

/** Account takeover and authorised push payments: the victim pays the mules, who forward the money. */
function victimToMules(b: CaseBuilder, takeover: boolean): void {
  const victim = b.victims[0];
  const mules = b.parts;
  b.selfFunded(...mules);
  const income = victim !== undefined ? headOf(b.bank, victim).income : b.usd(3_000);
  const n = b.info.rows;
  const perPayment = victim !== undefined ? 2 : 1;
  const payments = Math.max(mules.length, Math.floor((n - mules.length) / perPayment));
  const forwards = n - payments * perPayment;
  let when = b.at(b.first, false, takeover ? 0 : 8 * 3600, takeover ? 5 * 3600 : 22 * 3600);
  const total = b.styled(Math.round(income * (takeover ? 0.6 + 1.2 * b.rng.next() : 1 + 3 * b.rng.next())));
  const parts = b.split(Math.max(total, payments), payments);
  parts.sort((x, y) => x - y);
  parts.forEach((amount, t) => {
    const mule = mules[t % mules.length]!;
    const ref = takeover ? b.pick(["Transfer", "Rent", "Invoice 2231"]) : b.pick(["Investment", "Trading account", "Loan", "Customs fee", "Travel costs"]);
    if (victim !== undefined) move(b, victim, mule, when, amount, { stage: "placement", label: "fraud", ref, takeover });
    else wireIn(b, mule, when, amount, b.person(b.bank.country), { stage: "placement", ref });
    when = b.after(when, takeover ? 0 : 2 + b.rng.int(7));
  });
  mules.forEach((m, j) => {
    const rows = Math.floor(forwards / mules.length) + (j < forwards % mules.length ? 1 : 0);
    if (rows > 0) drain(b, m, b.after(when, takeover ? 0 : 1), rows, { stage: "layering", to: () => b.company(b.pick(["LT", "AE", "HK", ...OFFSHORE_CENTRES]), "finance"), ref: "Crypto exchange" });
  });
}

function businessEmailCompromise(b: CaseBuilder): void {
  const victim = b.victims[0];
  const [mule] = b.parts;
  b.selfFunded(mule!);
  const vendor = scenarioVendor(b.bank, b.info, 0);
  b.plan.partnerRef = vendor?.id;
  const income = victim !== undefined ? headOf(b.bank, victim).income : b.usd(50_000);
  const amount = Math.max(1, Math.round(income * (0.15 + 0.3 * b.rng.next())));
  const when = b.at(b.first + Math.min(40, Math.floor(b.info.days / 2)), true);
  const ref = `Invoice ${vendor ? vendor.id.slice(-4) : "4471"}-${1000 + b.rng.int(9000)}`;
  if (victim !== undefined) {
    move(b, victim, mule!, when, amount, { stage: "placement", label: "fraud", ref });
    if (vendor) b.legs[b.legs.length - 1]!.payeeName = vendor.name;
  } else wireIn(b, mule!, when, amount, b.company(b.bank.country), { stage: "placement", ref });
  drain(b, mule!, b.after(when, b.rng.int(2)), b.info.rows - b.rows, { stage: "layering", to: () => b.company(b.pick(["HK", "AE", "TR", "NG"]), "merchandise"), ref: "Supplier payment" });
}

/** The listed party a sanctions-evasion case pays for: an entry of the synthetic sanctions list. */
export const sanctionsEntry = (bank: Bank, info: CaseInfo) => noiseEntry(bank, hash32(info.id) % bank.watchlist.noise);

function sanctionsEvasion(b: CaseBuilder): void {
  const entry = sanctionsEntry(b.bank, b.info);
  b.plan.watchEntry = entry.index;
  let when = b.at(b.first, true);
  const n = b.info.rows;
  for (let t = 0; t < n; t++) {
    const payer = b.parts[t % b.parts.length]!;
    const country = b.pick(TRANSIT_COUNTRIES);
    const to = b.company(country, "logistics");
    // Half the payments name the listed party, slightly misspelt: payment screening should have stopped them.
    const named = to.kind === "external" && b.rng.chance(0.5);
    if (named) to.party.name = nameVariant(b.rng, entry.name);
    wireOut(b, payer, when, b.styled(b.usd(15_000 + b.rng.next() * 120_000)), to, { stage: "layering", ref: b.pick(["Machine parts", "Electronic components", "Freight", "Spare parts"]) });
    if (named) b.legs[b.legs.length - 1]!.watchEntry = entry.index;
    when = b.after(when, 3 + b.rng.int(Math.max(2, Math.floor(b.info.days / n))));
  }
}

export function buildFraud(b: CaseBuilder): void {
  switch (b.info.typology) {
    case "trade_based": return tradeBased(b);
    case "money_mule": return moneyMule(b);
    case "shell_company": return shellCompany(b);
    case "account_takeover": return victimToMules(b, true);
    case "authorised_push_payment": return victimToMules(b, false);
    case "business_email_compromise": return businessEmailCompromise(b);
    case "sanctions_evasion": return sanctionsEvasion(b);
    default: throw new Error(`internal: no pattern for typology ${b.info.typology}`);
  }
}
