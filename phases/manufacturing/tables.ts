// Record specs of manufacturing: the production master data (work centers, bills of material,
// routings), production orders with their confirmations, quality inspections with their
// measured results, and cycle counts of the stock.
import { c, table } from "../../specs/records/table.ts";

const company = c.id("company code");
const materialId = c.id("material (materials.material_id)");
const order = c.id("production order (production_orders.order_id)");
const rate = (doc: string) => c.decimal(doc, { precision: 12, scale: 2 });

export const workCenters = table("work_centers", "machines and lines where routing operations run, with their standard rates", {
  company_code: company,
  work_center_id: c.id("work center id, WC-<company>-<nn>"),
  name: c.text("what the work center does"),
  cost_center_id: c.id("cost center the work center belongs to (cost_centers.cost_center_id)"),
  labour_rate: rate("standard labour rate per hour, company currency"),
  machine_rate: rate("standard machine rate per hour (depreciation, energy, maintenance), company currency"),
  capacity_hours: c.decimal("available hours per working day", { precision: 6, scale: 1 }),
  currency: c.id("company currency"),
});

export const billsOfMaterial = table("bills_of_material", "components per unit of a made material; semi-finished components have bills of their own (multi-level)", {
  company_code: company,
  parent_material_id: c.id("the material made (finished or semi-finished)"),
  item: c.int("1-based item of the bill"),
  component_material_id: c.id("component consumed (raw, packaging or semi-finished material)"),
  quantity: c.int("units of the component per unit made"),
  component_cost: c.money("quantity x the component's standard cost"),
  level: c.int("1: component of a finished good; 2: component of a semi-finished one"),
});

export const routings = table("routings", "operations per made material: work center and standard minutes per unit", {
  company_code: company,
  material_id: materialId,
  operation: c.int("operation number (10, 20, ...)"),
  work_center_id: c.id("work center (work_centers.work_center_id)"),
  description: c.text("operation"),
  setup_minutes: c.decimal("setup minutes per order", { precision: 9, scale: 2 }),
  run_minutes: c.decimal("run minutes per unit", { precision: 9, scale: 4 }),
  conversion_cost: c.money("standard labour and machine cost per unit of the operation"),
});

export const productionOrders = table("production_orders", "production orders: what was made, at which standard and actual cost, and the variances settled", {
  company_code: company,
  order_id: c.id("production order id, PRD-<company>-<nnnnnnnnn>"),
  material_id: materialId,
  parent_order_id: c.optional(c.id("the order a semi-finished order feeds (empty: a finished good's order)")),
  planned_quantity: c.int("units planned, including the planned scrap"),
  good_quantity: c.int("units received into stock (empty order: 0)"),
  scrap_quantity: c.int("units scrapped in production or at inspection"),
  start_date: c.date("components issued, production starts"),
  finish_date: c.date("planned finish: goods received into stock"),
  status: c.id("closed (received and settled) or in_process (open at the scenario's end, held in WIP)"),
  standard_cost: c.money("standard cost per good unit: components and conversion per planned unit plus the planned scrap allowance"),
  material_cost: c.money("components issued at standard cost"),
  conversion_cost: c.money("labour and machine time confirmed at standard rates"),
  received_value: c.money("good quantity x standard cost (credited to WIP)"),
  usage_variance: c.money("components issued beyond (or below) the bill for the planned quantity"),
  efficiency_variance: c.money("time confirmed beyond (or below) the routing for the planned quantity, rework included"),
  scrap_variance: c.money("inputs of the planned quantity at standard less the good units at standard: scrap beyond the planned allowance (negative: less)"),
  other_variance: c.money("rounding and lot-size remainder, so the variances clear the order's WIP exactly"),
  currency: c.id("company currency"),
}, { documents: { production_order: "order_id" } });

export const productionConfirmations = table("production_confirmations", "time confirmed per operation of a production order", {
  company_code: company,
  confirmation_id: c.id("confirmation id"),
  order_id: order,
  operation: c.int("routing operation"),
  work_center_id: c.id("work center"),
  confirmation_date: c.date("date confirmed"),
  yield_quantity: c.int("units passed on by the operation"),
  scrap_quantity: c.int("units scrapped at the operation"),
  setup_minutes: c.decimal("setup minutes", { precision: 9, scale: 2 }),
  run_minutes: c.decimal("run minutes (rework included)", { precision: 12, scale: 2 }),
  standard_minutes: c.decimal("routing minutes for the planned quantity", { precision: 12, scale: 2 }),
  conversion_cost: c.money("minutes x the work center's rates, absorbed into WIP"),
});

export const qualityInspections = table("quality_inspections", "inspection lots: incoming inspections of bought components at the dock, in-process and final inspections of production orders (ISO 2859-1 general level II, AQL 2.5)", {
  company_code: company,
  inspection_id: c.id("inspection lot id"),
  order_id: c.optional(c.id("production order inspected (production_orders.order_id); empty for a goods receipt")),
  gr_id: c.optional(c.id("goods receipt inspected (goods_receipts.gr_id); empty for a production order")),
  vendor_id: c.optional(c.id("vendor of the goods receipt (vendors.vendor_id)")),
  material_id: materialId,
  inspection_type: c.id("goods_receipt, in_process or final"),
  inspection_date: c.date("date of the usage decision"),
  lot_size: c.int("units in the lot"),
  code_letter: c.id("sample size code letter (ISO 2859-1 table 1, level II)"),
  sample_size: c.int("units inspected (the whole lot when the plan's sample is larger)"),
  accept_number: c.int("largest number of defectives that accepts the lot (Ac)"),
  defects: c.int("defective units found in the sample"),
  usage_decision: c.id("accept; rework (defectives reworked: extra time) or scrap (the lot's estimated defectives scrapped) for production; return_to_vendor (the lot's estimated defectives sent back) for a goods receipt"),
  units_reworked: c.int("units reworked"),
  units_scrapped: c.int("units scrapped"),
  units_returned: c.int("units returned to the vendor (inventory_movements of type return_to_vendor)"),
}, { documents: { quality_inspection: "inspection_id" } });

export const inspectionResults = table("inspection_results", "measured characteristics of an inspection lot's sample against their limits", {
  company_code: company,
  inspection_id: c.id("inspection lot"),
  characteristic: c.text("what was measured"),
  unit: c.id("unit of measure"),
  nominal: c.decimal("target value", { precision: 14, scale: 4 }),
  lower_limit: c.decimal("lower specification limit", { precision: 14, scale: 4 }),
  upper_limit: c.decimal("upper specification limit", { precision: 14, scale: 4 }),
  sample_mean: c.decimal("mean of the sample", { precision: 14, scale: 4 }),
  sample_min: c.decimal("smallest value measured", { precision: 14, scale: 4 }),
  sample_max: c.decimal("largest value measured", { precision: 14, scale: 4 }),
  out_of_limits: c.int("units of the sample outside the limits"),
});

export const cycleCounts = table("cycle_counts", "stock counted by ABC class (A monthly, B quarterly, C yearly) against the book quantity", {
  company_code: company,
  count_id: c.id("count document id"),
  material_id: materialId,
  count_date: c.date("day counted (the period's last day)"),
  abc_class: c.id("A, B or C by yearly consumption value"),
  book_quantity: c.int("quantity on the books when counted"),
  counted_quantity: c.int("quantity found"),
  difference: c.int("counted - book"),
  difference_value: c.money("difference at standard cost, posted as an inventory adjustment"),
  document_id: c.optional(c.id("journal entry of the adjustment (empty: no difference)")),
  currency: c.id("company currency"),
}, { documents: { cycle_count: "count_id" } });
