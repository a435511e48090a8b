// Impairment of property, plant and equipment at quarter ends. Each company's operating assets
// form one cash-generating unit (CGU); an asset at a cost center without active staff is idle
// and tested on its own (no cash inflows from use). Indicators come from the data: operating
// losses in this and the previous quarter (the ledger's EBITDA less depreciation), idle assets;
// the year-end review tests every unit. The carrying amount is the net book value after the
// period's depreciation; value in use discounts five years of the trailing EBITDA (growing at
// the business plan's rate) and a terminal value; fair value is the market approach (second-hand
// prices by asset class) or, under US GAAP, the income approach when higher. IAS 36 compares
// the carrying amount with the higher of value in use and fair value less costs of disposal;
// ASC 360 first tests recoverability by undiscounted cash flows and only then measures the loss
// against fair value. A loss is posted (expense by cost center, accumulated depreciation or land
// written down) and recorded per asset, so later depreciation follows the new carrying amount.
import { formatIso } from "../../core/calendar.ts";
import { dpow } from "../../core/detmath.ts";
import { allocate } from "../../core/allocate.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { stateTarget, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { LEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import type { Account } from "../../ledger/chart.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { paramsOf } from "../../specs/phase.ts";
import { assetsOf, employeeRecord, masterParams, monthIndexOfDay, monthsInService, type AssetView } from "../master_data/index.ts";
import type { MainStep } from "../api.ts";
import { accountingStandardsSpec, type AccountingStandardsParams } from "./spec.ts";
import { frameworkOf, impairmentStandard, type Framework } from "./frameworks.ts";
import { depreciationIn, IMPAIRMENTS, nbvAt, standardNbv, type Impaired } from "./valuation.ts";
import { writeTest, type TestRow } from "./impairment-rows.ts";
import { impairmentTests as impairmentTestsTable } from "./tables.ts";

/** Second-hand market value of an asset relative to its depreciated cost, by class (land: its cost). */
const MARKET_SHARE: Record<string, number> = { land: 1, buildings: 0.85, machinery: 0.5, vehicles: 0.7, it_equipment: 0.3, furniture: 0.25 };

/** A loss under this share of the carrying amount is not booked (rounding of an earlier loss, mostly). */
const MATERIALITY = 0.005;

/** What is not operating cash flow: depreciation, impairment, financing, FX and income tax. */
const NOT_EBITDA: readonly AccountRole[] = ["depreciation_expense", "impairment_loss", "interest_income", "interest_expense", "fx_gain", "fx_loss", "income_tax_expense"];

export const impairmentStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = paramsOf(accountingStandardsSpec, cx);
    if (!p.impairment) return;
    const s = state.get(IMPAIRMENTS);
    for (const c of cx.companies) {
      s.ebitda[c.index]![period!] = ebitdaOf(cx, state, c, period!);
      if (cx.periods[period!]!.isQuarterEnd) testCompany(cx, state, out, c, period!, p);
    }
  },
};

/** The period's EBITDA so far: its business is posted, its close is not (no depreciation, no closing entry). */
function ebitdaOf(cx: RunContext, state: RunState, c: CompanyInfo, period: number): number {
  const cell = state.get(LEDGER).cell(c.index, period);
  const excluded = new Set(cx.chart.roles(NOT_EBITDA));
  let net = 0;
  for (const a of cx.chart.posting) {
    if ((a.type === "revenue" || a.type === "expense") && !excluded.has(a)) net += cell[a.index * 2 + 1]! - cell[a.index * 2]!;
  }
  return net;
}

interface Unit {
  cx: RunContext;
  state: RunState;
  c: CompanyInfo;
  period: number;
  month: number;
  framework: Framework;
  p: AccountingStandardsParams;
  assets: AssetView[];
  list: Record<string, Impaired[]>;
}

function testCompany(cx: RunContext, state: RunState, out: TableOut, c: CompanyInfo, period: number, p: AccountingStandardsParams): void {
  const pe = cx.periods[period]!;
  const month = monthIndexOfDay(pe.firstDay);
  const u: Unit = { cx, state, c, period, month, framework: frameworkOf(cx, c), p, assets: assetsOf(cx, c.index), list: state.get(IMPAIRMENTS).assets[c.index]! };
  const staffed = staffedCostCenters(cx, c);
  const live = u.assets.map((_, i) => i).filter((i) => u.assets[i]!.acquiredMonth <= month && nbv(u, i) > 0);
  const idle = live.filter((i) => !staffed.has(u.assets[i]!.costCenter));
  const operating = live.filter((i) => staffed.has(u.assets[i]!.costCenter));
  const losses = sustainedLosses(u);
  if (operating.length > 0 && (losses || pe.isYearEnd)) testCgu(u, out, operating, losses ? "sustained_losses" : "annual_review");
  for (const i of idle) testIdle(u, out, i);
}

const nbv = (u: Unit, i: number) => nbvAt(u.assets[i]!, u.list[i], u.month);

/** Operating result (EBITDA less depreciation) negative in this quarter and the one before. */
function sustainedLosses(u: Unit): boolean {
  if (u.period < 5) return false;
  const ebitda = u.state.get(IMPAIRMENTS).ebitda[u.c.index]!;
  const result = (from: number) => {
    let r = 0;
    for (let q = from; q < from + 3; q++) {
      r += ebitda[q]!;
      const m = monthIndexOfDay(u.cx.periods[q]!.firstDay);
      u.assets.forEach((a, i) => (r -= depreciationIn(a, u.list[i], m)));
    }
    return r;
  };
  return result(u.period - 5) < 0 && result(u.period - 2) < 0;
}

const staffCache = new WeakMap<RunContext, Set<string>[]>();

/** Cost centers with an active employee in the master data: assets elsewhere stand idle. */
function staffedCostCenters(cx: RunContext, c: CompanyInfo): Set<string> {
  let list = staffCache.get(cx);
  if (!list) staffCache.set(cx, (list = []));
  return (list[c.index] ??= new Set(Array.from({ length: masterParams(cx).employees }, (_, i) => employeeRecord(cx.plan, c.index, i)).filter((e) => e.isActive).map((e) => e.costCenterId)));
}

const marketValue = (a: AssetView, month: number) => Math.round((a.assetClass === "land" ? a.cost : standardNbv(a, month)) * (MARKET_SHARE[a.assetClass] ?? 0.5));

/** Yearly cash flows of the projection: the trailing twelve periods' EBITDA, annualised. */
function baseCashFlow(u: Unit): number {
  const ebitda = u.state.get(IMPAIRMENTS).ebitda[u.c.index]!;
  const from = Math.max(0, u.period - 11);
  let s = 0;
  for (let q = from; q <= u.period; q++) s += ebitda[q]!;
  return Math.round((s * 12) / (u.period - from + 1));
}

function valueInUse(base: number, growth: number, rate: number, terminal: number): number {
  let v = 0;
  let cf = base;
  for (let t = 1; t <= 5; t++) {
    cf = cf * (1 + growth);
    v += cf / dpow(1 + rate, t);
  }
  v += (cf * (1 + terminal)) / (rate - terminal) / dpow(1 + rate, 5);
  return Math.max(0, Math.round(v));
}

function undiscounted(base: number, growth: number, years: number): number {
  let v = 0;
  for (let t = 1; t <= years; t++) v += base * dpow(1 + growth, t);
  return Math.max(0, Math.round(v));
}

function testCgu(u: Unit, out: TableOut, members: number[], trigger: TestRow["trigger"]): void {
  const { c, p } = u;
  const carrying = members.reduce((s, i) => s + nbv(u, i), 0);
  const base = baseCashFlow(u);
  const growth = c.business.growth;
  const terminal = Math.min(p.terminal_growth, p.discount_rate - 0.01);
  const viu = valueInUse(base, growth, p.discount_rate, terminal);
  const market = members.reduce((s, i) => s + marketValue(u.assets[i]!, u.month), 0);
  const gaap = u.framework === "us_gaap";
  const fair = gaap ? Math.max(market, viu) : market;
  const costs = Math.round(fair * p.costs_of_disposal);
  const flows = gaap ? undiscounted(base, growth, primaryLifeYears(u, members)) : undefined;
  const recoverable = gaap ? fair : Math.max(viu, fair - costs);
  const due = gaap ? (flows! < carrying ? carrying - fair : 0) : carrying - recoverable;
  const loss = material(due, carrying);
  const row: TestRow = {
    unit: "cgu", unitId: `CGU-${c.code}`, trigger, carrying, base, growth, rate: p.discount_rate, viu, flows, recoverableByFlows: gaap ? flows! >= carrying : undefined,
    fair, costs, recoverable, loss, after: carrying - loss,
  };
  // Each asset bears its share of the loss, never going below its own fair value less costs.
  const room = members.map((i) => Math.max(0, nbv(u, i) - Math.round(marketValue(u.assets[i]!, u.month) * (gaap ? 1 : 1 - p.costs_of_disposal))));
  const shares = loss > 0 ? allocate(loss, room) : members.map(() => 0);
  const allocation = members.map((i, k) => ({ i, loss: shares[k]! })).filter((x) => x.loss > 0);
  book(u, out, row, allocation);
}

function testIdle(u: Unit, out: TableOut, i: number): void {
  const { c, p } = u;
  const a = u.assets[i]!;
  const carrying = nbv(u, i);
  const fair = marketValue(a, u.month);
  const costs = Math.round(fair * p.costs_of_disposal);
  const gaap = u.framework === "us_gaap";
  // Idle, it brings in nothing but what it sells for: the disposal proceeds are its only cash flows.
  const flows = gaap ? fair - costs : undefined;
  const recoverable = gaap ? fair : fair - costs;
  const due = gaap ? (flows! < carrying ? carrying - fair : 0) : carrying - recoverable;
  const loss = material(due, carrying);
  const row: TestRow = {
    unit: "asset", unitId: a.id, trigger: "idle_assets", carrying, viu: gaap ? undefined : 0, flows, recoverableByFlows: gaap ? flows! >= carrying : undefined,
    fair, costs, recoverable, loss, after: carrying - loss,
  };
  book(u, out, row, loss > 0 ? [{ i, loss }] : []);
}

const material = (due: number, carrying: number) => (due > 0 && due >= carrying * MATERIALITY ? due : 0);

/** Remaining life, in whole years, of the unit's largest depreciable asset (ASC 360's primary asset). */
function primaryLifeYears(u: Unit, members: number[]): number {
  let best = -1;
  for (const i of members) if (u.assets[i]!.lifeMonths > 0 && (best < 0 || nbv(u, i) > nbv(u, best))) best = i;
  if (best < 0) return 20;
  const a = u.assets[best]!;
  return Math.min(40, Math.max(1, Math.ceil((a.lifeMonths - monthsInService(a, u.month)) / 12)));
}

/** Writes the test (and its allocation), posts the loss and records each asset's new carrying amount. */
function book(u: Unit, out: TableOut, row: TestRow, allocation: { i: number; loss: number }[]): void {
  const { cx, c, period } = u;
  const pe = cx.periods[period]!;
  const s = u.state.get(IMPAIRMENTS);
  const n = ++s.tests[c.index]!;
  const tag = `${c.code}-${pe.fiscalYear}-${String(pe.fiscalPeriod).padStart(2, "0")}-${String(n).padStart(3, "0")}`;
  const journal = allocation.length ? `JE-IM-${tag}` : undefined;
  const standard = impairmentStandard(u.framework);
  const w = out.table(impairmentTestsTable);
  writeTest(w, cx, c, period, `IT-${tag}`, standard, { ...row, journal }, row.unitId.startsWith("CGU-") ? row.unitId : `CGU-${c.code}`);
  if (!journal) return;
  if (row.unit === "cgu") {
    for (const { i, loss } of allocation) {
      const carrying = nbv(u, i);
      writeTest(w, cx, c, period, `IT-${tag}`, standard, { unit: "asset", unitId: u.assets[i]!.id, trigger: "allocation", carrying, fair: marketValue(u.assets[i]!, u.month), costs: 0, recoverable: carrying - loss, loss, after: carrying - loss, journal }, row.unitId);
    }
  }
  post(u, out, journal, allocation);
  for (const { i, loss } of allocation) record(u, i, loss);
}

function record(u: Unit, i: number, loss: number): void {
  const a = u.assets[i]!;
  const before = nbv(u, i);
  const carrying = before - loss;
  const life = a.lifeMonths > 0 ? Math.max(0, a.lifeMonths - monthsInService(a, u.month)) : 0;
  // The residual value shrinks with the carrying amount: later tests see the same ratio, not a new loss.
  const residual = Math.min(carrying, Math.round((a.salvage * carrying) / Math.max(1, before)));
  const list = (u.list[i] ??= []);
  const k = list.findIndex((r) => r.month === u.month);
  const entry = { month: u.month, carrying, life, residual };
  if (k >= 0) list[k] = entry;
  else list.push(entry);
}

function post(u: Unit, out: TableOut, documentId: string, allocation: { i: number; loss: number }[]): void {
  const { cx, c, period } = u;
  const pe = cx.periods[period]!;
  const day = pe.firstDay + pe.days - 1;
  const expense = cx.chart.one("impairment_loss");
  const ccs: string[] = [];
  const byKey = new Map<string, { cc: number; account: Account; amount: number }>();
  for (const { i, loss } of allocation) {
    const a = u.assets[i]!;
    let cc = ccs.indexOf(a.costCenter);
    if (cc < 0) cc = ccs.push(a.costCenter) - 1;
    // Land is written down on its own account; other assets through accumulated depreciation.
    const account = a.accumulated ?? a.ppe;
    const key = `${account.number}|${a.costCenter}`;
    const e = byKey.get(key) ?? { cc, account, amount: 0 };
    e.amount += loss;
    byKey.set(key, e);
  }
  const lines = new Lines();
  for (const [, e] of [...byKey].sort(([x], [y]) => (x < y ? -1 : 1))) {
    lines.add(expense, e.amount, 0, e.cc, "");
    lines.add(e.account, 0, e.amount, -1, "");
  }
  const label = u.framework === "us_gaap" ? "ASC 360" : "IAS 36";
  writeDocument(out.table(journalEntries), {
    company: c, documentId, day, postingDate: formatIso(day), documentDate: formatIso(day), period: pe, docType: "IM", source: "automated",
    event: "impairment_loss", postedBy: "SYS-AA", text: `Impairment loss on property, plant and equipment (${label})`,
  }, lines, stateTarget(u.state), (k) => ccs[k]!);
}
