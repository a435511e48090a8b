// The master tables and the shape of their records (money in integer minor units of `currency`
// / the company currency).
import type { PaymentTerm } from "../../data/countries.ts";
import type { AssetClass, MaterialType } from "../../data/industry.ts";

export const MASTER_TABLE_NAMES = ["cost_centers", "employees", "vendors", "customers", "materials", "fixed_assets"] as const;
export type MasterTable = (typeof MASTER_TABLE_NAMES)[number];
export type MasterCounts = Record<MasterTable, number>;

export interface CostCenter {
  companyCode: string; id: string; name: string; department: string; managerEmployeeId: string | null; validFrom: string;
}
export interface Employee {
  companyCode: string; id: string; index: number; firstName: string; lastName: string; email: string; department: string;
  jobTitle: string; level: "executive" | "director" | "manager" | "lead" | "staff"; costCenterIndex: number; costCenterId: string;
  managerIndex: number | null; managerId: string | null; hireDate: string; terminationDate: string | null; annualSalary: number;
  currency: string; employmentType: "full_time" | "part_time" | "contractor"; isActive: boolean;
}
export interface Vendor {
  companyCode: string; id: string; name: string; country: string; region: string; city: string; postalCode: string; street: string;
  taxId: string; category: string; terms: PaymentTerm; currency: string; bankCode: string; bankAccount: string;
  iban: string | null; isIntercompany: boolean; isActive: boolean;
}
export interface Customer {
  companyCode: string; id: string; name: string; type: "business" | "person"; country: string; region: string; city: string;
  postalCode: string; taxId: string | null; segment: string; creditLimit: number; terms: PaymentTerm; behaviour: string;
  riskClass: string; currency: string; isIntercompany: boolean;
}
export interface Material {
  companyCode: string; id: string; description: string; type: MaterialType; group: string; uom: string; standardCost: number;
  listPrice: number; currency: string; valuationClass: string; weightGrams: number | null;
}
export interface FixedAsset {
  companyCode: string; id: string; description: string; assetClass: AssetClass; acquisitionDate: string; acquisitionCost: number;
  usefulLifeMonths: number; salvageValue: number; depreciationMethod: "straight_line" | "none"; costCenterIndex: number;
  costCenterId: string; currency: string;
}
