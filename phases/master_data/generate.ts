// Master data: every record is a pure function of (plan, company, table, index), seeded by its
// own stream, so any phase can recompute record i without reading files. Cross-record links
// (cost center, manager) are functions of the index and the plan's counts alone.
// The generators live in org / partners / items; this module wires them to their table specs
// and writers.
import type { Plan } from "../../specs/plan.ts";
import type { TableSpec } from "../../specs/records/table.ts";
import * as specs from "./tables.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { context } from "./context.ts";
import { fixedAssetRecord, materialRecord } from "./items.ts";
import { costCenterRecord, employeeRecord } from "./org.ts";
import { customerRecord, vendorRecord } from "./partners.ts";
import { MASTER_TABLE_NAMES, type CostCenter, type Customer, type Employee, type FixedAsset, type Material, type MasterTable, type Vendor } from "./records.ts";
import { writeCostCenter, writeCustomer, writeEmployee, writeFixedAsset, writeMaterial, writeVendor } from "./writers.ts";

export interface MasterGenerator<R> {
  spec: TableSpec;
  record(plan: Plan, ci: number, i: number): R;
  write(r: R, w: RowWriter, digits: number): void;
}

export interface MasterRecords {
  cost_centers: CostCenter; employees: Employee; vendors: Vendor; customers: Customer; materials: Material; fixed_assets: FixedAsset;
}

export const MASTER_GENERATORS: { [K in MasterTable]: MasterGenerator<MasterRecords[K]> } = {
  cost_centers: { spec: specs.costCenters, record: costCenterRecord, write: writeCostCenter },
  employees: { spec: specs.employees, record: employeeRecord, write: writeEmployee },
  vendors: { spec: specs.vendors, record: vendorRecord, write: writeVendor },
  customers: { spec: specs.customers, record: customerRecord, write: writeCustomer },
  materials: { spec: specs.materials, record: materialRecord, write: writeMaterial },
  fixed_assets: { spec: specs.fixedAssets, record: fixedAssetRecord, write: writeFixedAsset },
};

export function isMasterTable(t: string): t is MasterTable {
  return (MASTER_TABLE_NAMES as readonly string[]).includes(t);
}

/** Writes records firstIndex .. firstIndex + count - 1 of one company's table (one block of a segment). */
export function generateMasterBlock(plan: Plan, table: MasterTable, ci: number, firstIndex: number, count: number, w: RowWriter): void {
  const g = MASTER_GENERATORS[table] as unknown as MasterGenerator<unknown>;
  const digits = context(plan, ci).digits;
  const end = Math.min(firstIndex + count, context(plan, ci).counts[table]);
  for (let i = firstIndex; i < end; i++) g.write(g.record(plan, ci, i), w, digits);
}
