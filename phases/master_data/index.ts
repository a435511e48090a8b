// master_data: the phase module, and the records other phases reference (each a pure function
// of the plan, so they are recomputed, never read back from files).
import type { PhaseModule } from "../api.ts";
import { masterDataSpec } from "./spec.ts";
import { recordsStep } from "./blocks.ts";

export const masterDataPhase: PhaseModule = { spec: masterDataSpec, steps: { records: recordsStep } };

export { masterDataSpec, masterParams, MASTER_TABLES, type MasterDataParams } from "./spec.ts";
export type { CostCenter, Customer, Employee, FixedAsset, Material, MasterCounts, MasterTable, Vendor } from "./records.ts";
export { assetId, costCenterId, customerId, employeeId, materialId, vendorId } from "./ids.ts";
export { costCenterRecord, employeeRecord } from "./org.ts";
export { customerRecord, vendorRecord } from "./partners.ts";
export { fixedAssetRecord, materialRecord } from "./items.ts";
export { accumulatedAfter, assetsOf, monthIndexOfDay, monthsInService, type AssetView } from "./assets.ts";
export { counts, customer, inventoryAccount, material, vendor } from "./lookup.ts";
export { roster, type Payee } from "./roster.ts";
