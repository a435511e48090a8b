// Record specs of source-to-contract: what is spent, the sourcing projects run on the largest
// categories with their qualifications, RFx events, bids and evaluations, the contracts they
// award with their lines and catalog items, and the suppliers' scorecards.
import { c, MONEY_DECIMAL, table } from "../../specs/records/table.ts";

const company = c.id("company code");
const vendor = c.id("vendor (vendors.vendor_id)");
const category = c.id("sourcing category: the material group");

export const spendAnalysis = table("spend_analysis", "purchasing spend per company, period and category, on and off contract (from the purchase orders)", {
  company_code: company,
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  category,
  spend: c.money("purchase orders placed in the period, company currency"),
  contracted_spend: c.money("of it, priced from a contract"),
  off_contract_spend: c.money("of it, bought outside a contract that covers the category (maverick)"),
  contract_coverage: c.decimal("contracted spend over spend", { precision: 9, scale: 4 }),
  currency: c.id("company currency"),
});

export const sourcingProjects = table("sourcing_projects", "sourcing projects on the categories with the most spend", {
  company_code: company,
  project_id: c.id("project id"),
  category,
  lot: c.int("lot of the category tendered: its goods are split among lots, each contracted on its own"),
  baseline_spend: c.money("yearly spend of the lot the project is sized on (the business plan's purchasing)"),
  start_date: c.date("project start"),
  award_date: c.optional(c.date("award date (empty: no award)")),
  status: c.id("awarded or no_award (no bid beat the current prices)"),
  currency: c.id("company currency"),
}, { documents: { sourcing_project: "project_id" } });

export const supplierQualifications = table("supplier_qualifications", "vendors qualified for a project's category before they may bid", {
  company_code: company,
  project_id: c.id("sourcing project"),
  vendor_id: vendor,
  qualification_date: c.date("date of the decision"),
  status: c.id("qualified, conditional or rejected"),
  quality_score: c.int("quality audit score 0-100"),
  financial_score: c.int("financial health score 0-100"),
});

export const rfxEvents = table("rfx_events", "requests for information and quotation of a project", {
  company_code: company,
  rfx_id: c.id("event id"),
  project_id: c.id("sourcing project"),
  rfx_type: c.id("rfi or rfq"),
  issue_date: c.date("issued"),
  due_date: c.date("responses due"),
  invited: c.int("vendors invited"),
});

export const supplierBids = table("supplier_bids", "quotations received in an RFQ", {
  company_code: company,
  bid_id: c.id("bid id"),
  rfx_id: c.id("the RFQ"),
  vendor_id: vendor,
  submitted_date: c.date("received"),
  discount: c.decimal("price discount offered on the current standard costs", { precision: 9, scale: 4 }),
  lead_time_days: c.int("delivery time offered"),
  quality_score: c.int("quality assessment 0-100"),
});

export const bidEvaluations = table("bid_evaluations", "weighted evaluation of every bid: price 60%, quality 25%, delivery 15%", {
  company_code: company,
  bid_id: c.id("the bid"),
  price_score: c.decimal("0-100", { precision: 9, scale: 2 }),
  quality_score: c.decimal("0-100", { precision: 9, scale: 2 }),
  delivery_score: c.decimal("0-100", { precision: 9, scale: 2 }),
  total_score: c.decimal("weighted total", { precision: 9, scale: 2 }),
  rank: c.int("1 = best"),
  awarded: c.bool("the contract went to this bid"),
});

export const contracts = table("contracts", "purchasing contracts awarded by sourcing projects, with what real orders consumed of them", {
  company_code: company,
  contract_id: c.id("contract id"),
  project_id: c.id("the sourcing project that awarded it"),
  vendor_id: vendor,
  category,
  start_date: c.date("valid from"),
  end_date: c.date("valid until"),
  committed_value: c.money("expected purchases over the validity at the contract prices"),
  consumed_value: c.money("purchase orders priced from it within the scenario"),
  consumption: c.decimal("consumed over committed value", { precision: 9, scale: 4 }),
  currency: c.id("company currency"),
}, { documents: { contract: "contract_id" } });

export const contractLines = table("contract_lines", "prices per material of a contract", {
  company_code: company,
  contract_id: c.id("contract"),
  line_number: c.int("1-based line"),
  material_id: c.id("material"),
  unit_price: c.decimal("agreed price per unit, company currency", MONEY_DECIMAL),
  standard_cost: c.decimal("the material's standard cost when awarded", MONEY_DECIMAL),
  lead_time_days: c.int("delivery time agreed"),
  consumed_quantity: c.int("quantity ordered under the line within the scenario"),
});

export const catalogItems = table("catalog_items", "the buying catalog: each contract line as an orderable item", {
  company_code: company,
  catalog_item_id: c.id("catalog item id"),
  contract_id: c.id("contract"),
  material_id: c.id("material"),
  vendor_id: vendor,
  unit_price: c.decimal("catalog price, company currency", MONEY_DECIMAL),
  valid_from: c.date("orderable from"),
  valid_to: c.date("orderable until"),
});

export const supplierScorecards = table("supplier_scorecards", "quarterly scorecards of the vendors that delivered, from their receipts and invoices", {
  company_code: company,
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("last fiscal period of the quarter"),
  vendor_id: vendor,
  receipts: c.int("goods receipts and service entries in the quarter"),
  late_receipts: c.int("received after the confirmed delivery date"),
  on_time_rate: c.decimal("share on time", { precision: 9, scale: 4 }),
  invoices: c.int("invoices matched in the quarter"),
  price_deviations: c.int("invoices with a price variance against the order"),
  price_compliance: c.decimal("share of invoices at the order price", { precision: 9, scale: 4 }),
  lots_inspected: c.int("receipts inspected at the dock in the quarter (with manufacturing on; quality_inspections)"),
  lots_rejected: c.int("inspected receipts partly returned to the vendor"),
  quality_rate: c.optional(c.decimal("share of inspected lots accepted; empty when none was inspected", { precision: 9, scale: 4 })),
  score: c.decimal("0-100: on time 60%, price compliance 40%; with inspected lots on time 50%, price compliance 30%, quality 20%", { precision: 9, scale: 2 }),
  rating: c.id("A (90+), B (75+), C (60+) or D"),
});
