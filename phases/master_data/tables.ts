// Record specs of the master data: per company, the organisation (cost centers, employees),
// business partners (vendors, customers), materials and fixed assets. Every record is a pure
// function of (plan, company, table, index), so other phases recompute what they reference.
import { c, table } from "../../specs/records/table.ts";

export const costCenters = table("cost_centers", "cost centers of each company (cost center 1 is the executive board)", {
  company_code: c.id("company code"),
  cost_center_id: c.id("cost center id, CC-<company>-<n>"),
  name: c.text("cost center name"),
  department: c.id("admin, finance, hr, it, sales, marketing, production, logistics, procurement, r&d, quality, maintenance, customer_service, legal, stores, clinical, nursing, pharmacy, engineering, support, operations, risk or compliance"),
  manager_employee_id: c.optional(c.id("head of the cost center: the employee with the same 1-based number (empty when there are fewer employees than cost centers)")),
  valid_from: c.date("first day the cost center is valid (before the scenario start)"),
});

export const employees = table("employees", "employees of each company as of the scenario start (later changes are employee_events); managers form a tree rooted at employee 1 (the CEO)", {
  company_code: c.id("company code"),
  employee_id: c.id("employee id, E-<company>-<n>"),
  first_name: c.text("given name"),
  last_name: c.text("family name"),
  email: c.text("work e-mail address (unique)"),
  department: c.id("department of the employee's cost center"),
  job_title: c.text("job title"),
  position_level: c.id("executive, director, manager, lead or staff"),
  cost_center_id: c.id("cost center the salary is charged to"),
  manager_id: c.optional(c.id("direct manager, always an employee with a lower number (empty for the CEO)")),
  hire_date: c.date("hire date: before the scenario start for the master; during it for people a posting phase (hr) hires to replace leavers"),
  termination_date: c.optional(c.date("last day of employment, before the scenario start (only when is_active is false)")),
  annual_salary: c.money("annual gross salary (pro rata for part time; contract value for contractors)"),
  currency: c.id("company currency"),
  employment_type: c.id("full_time, part_time or contractor"),
  is_active: c.bool("employed during the scenario (false: left before the scenario start)"),
});

export const vendors = table("vendors", "suppliers of each company", {
  company_code: c.id("company code"),
  vendor_id: c.id("vendor id, V-<company>-<n>"),
  name: c.text("legal name (may contain commas, e.g. 'Co., Ltd.')"),
  country: c.id("ISO 3166 country code"),
  region: c.text("state, region or canton"),
  city: c.text("city"),
  postal_code: c.id("postal code in the country's format"),
  street: c.text("street address"),
  tax_id: c.id("VAT / tax registration number in the country's format"),
  category: c.id("what the vendor supplies: raw_materials, components, packaging, logistics, utilities, maintenance, professional_services, it, software, cloud, hardware, marketing, facilities, office_supplies, merchandise, medical_supplies, pharmaceuticals, medical_equipment, laboratory, data_services or staffing"),
  payment_terms: c.id("NETn: due in n days; p/dNETn: p% discount within d days, else due in n days; EOMn: n days after the end of the invoice month"),
  payment_terms_days: c.int("days until the invoice is due"),
  discount_percent: c.decimal("early-payment discount in percent (0.00 for none)", { precision: 18, scale: 4 }),
  discount_days: c.int("days in which the discount applies (0 for none)"),
  currency: c.id("invoice currency: the vendor country's currency when the plan has a rate for it, else the company currency"),
  bank_code: c.id("bank code: routing number, sort code, BLZ, clearing number ..."),
  bank_account: c.id("bank account number"),
  bank_iban: c.optional(c.id("IBAN with valid check digits (empty where IBAN is not used, e.g. US, JP)")),
  is_intercompany: c.bool("whether the vendor is a company of the group"),
  is_active: c.bool("whether purchases may be made (blocked vendors are false)"),
});

export const customers = table("customers", "customers of each company: businesses, or private persons in retail, healthcare and banking", {
  company_code: c.id("company code"),
  customer_id: c.id("customer id, C-<company>-<n>"),
  name: c.text("legal name (business) or full name (person)"),
  customer_type: c.id("business or person"),
  country: c.id("ISO 3166 country code"),
  region: c.text("state, region or canton"),
  city: c.text("city"),
  postal_code: c.id("postal code in the country's format"),
  tax_id: c.optional(c.id("VAT / tax registration number (businesses only)")),
  segment: c.id("enterprise, mid_market, small_business, public_sector, consumer, loyalty_member, premium, insurer, hospital, insured_patient, ... (per industry)"),
  credit_limit: c.money("credit limit in the company currency (0 for cash customers)"),
  payment_terms: c.id("payment terms code (see vendors.payment_terms; IMMEDIATE: due on receipt)"),
  payment_terms_days: c.int("days until the invoice is due"),
  payment_behaviour: c.id("prompt (~30%), normal (~45%), late (~18%) or very_late (~7%): how the customer actually pays"),
  risk_class: c.id("credit risk class A (best) to D (worst), correlated with the payment behaviour"),
  currency: c.id("invoice currency (as for vendors)"),
  is_intercompany: c.bool("whether the customer is a company of the group"),
});

export const materials = table("materials", "materials, goods and service items of each company (industry-specific)", {
  company_code: c.id("company code"),
  material_id: c.id("material id, M-<company>-<n>"),
  description: c.text("description"),
  material_type: c.id("raw, semi_finished, finished, trading_goods or service"),
  material_group: c.id("product group"),
  unit_of_measure: c.id("base unit: PC, KG, M, BOX, PAC, EA, HR, DAY"),
  standard_cost: c.money("standard cost per unit"),
  list_price: c.money("list price per unit (always above the standard cost)"),
  currency: c.id("company currency"),
  valuation_class: c.id("3000 raw, 7900 semi-finished, 7920 finished, 3100 trading goods, 9000 services"),
  weight_kg: c.optional(c.decimal("net weight per unit in kg, 3 decimals (empty for services)", { precision: 18, scale: 3 })),
});

export const fixedAssets = table("fixed_assets", "fixed assets of each company, all acquired before the scenario start", {
  company_code: c.id("company code"),
  asset_id: c.id("asset id, FA-<company>-<n>"),
  description: c.text("description"),
  asset_class: c.id("land, buildings, machinery, vehicles, it_equipment or furniture"),
  acquisition_date: c.date("acquisition (capitalisation) date, before the scenario start"),
  acquisition_cost: c.money("acquisition cost"),
  useful_life_months: c.int("useful life in months; 0 for land, which is not depreciated"),
  salvage_value: c.money("residual value at the end of the useful life (below the cost; 0 for land)"),
  depreciation_method: c.id("straight_line, or none for land"),
  cost_center_id: c.id("cost center that carries the depreciation"),
  currency: c.id("company currency"),
});

export const MASTER_DATA_TABLES = [costCenters, employees, vendors, customers, materials, fixedAssets] as const;
