// master_data: per company, cost centers, employees, vendors, customers, materials and fixed
// assets. Every record is a pure function of (plan, company, table, index), so any phase can
// recompute the records it references without reading files.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import { paramsOf, type PhaseSpec } from "../../specs/phase.ts";
import { buildLayout } from "../../specs/layout.ts";
import { MASTER_DATA_TABLES } from "./tables.ts";

const params = z.object({
  vendors: f.volume("vendors per company").max(10_000_000).default(200),
  customers: f.volume("customers per company").max(10_000_000).default(500),
  materials: f.volume("materials per company").max(10_000_000).default(300),
  fixed_assets: f.volume("fixed assets per company").max(1_000_000).default(80),
  employees: f.volume("employees per company").max(10_000_000).default(150),
  cost_centers: f.volume("cost centers per company").min(1).max(100_000).default(20),
  block_size: f.count("records per block").min(64).max(1_000_000).default(4096),
});

export const MASTER_TABLES = ["cost_centers", "employees", "vendors", "customers", "materials", "fixed_assets"] as const;

export const masterDataSpec = {
  id: "master_data",
  title: "Master data",
  rank: 2,
  stage: "setup",
  params,
  needs: ["initialize"],
  defaultEnabled: true,
  tables: MASTER_DATA_TABLES,
  steps: [{ name: "records", stage: "setup", kind: "blocks" }],
  layout(cx) {
    const p = cx.params.master_data as z.infer<typeof params>;
    return buildLayout("records", p.block_size, cx.companies.flatMap((c) => MASTER_TABLES.map((table) => ({ company: c.code, table, units: p[table] }))));
  },
  presets: {
    manufacturing: { vendors: 300, customers: 400, materials: 800, fixed_assets: 150, employees: 250, cost_centers: 30 },
    retail: { vendors: 150, customers: 5000, materials: 2000, fixed_assets: 90, employees: 400, cost_centers: 40 },
    financial_services: { vendors: 120, customers: 2000, materials: 20, fixed_assets: 60, employees: 400, cost_centers: 25 },
    healthcare: { vendors: 250, customers: 3000, materials: 1200, fixed_assets: 200, employees: 600, cost_centers: 35 },
    technology: { vendors: 100, customers: 300, materials: 50, fixed_assets: 120, employees: 200, cost_centers: 15 },
  },
} satisfies PhaseSpec<typeof params>;

export type MasterDataParams = z.infer<typeof params>;

/** The master data counts of a plan (or of anything that holds phase parameters by id). */
export const masterParams = (source: { params(id: string): unknown }) => paramsOf(masterDataSpec, source);
