// One output row per master record, column by column in the order of the table specs.
import type { RowWriter } from "../../specs/records/table.ts";
import type { CostCenter, Customer, Employee, FixedAsset, Material, Vendor } from "./records.ts";

const opt = (w: RowWriter, v: string | null) => (v === null ? w.empty() : w.id(v));

export function writeCostCenter(r: CostCenter, w: RowWriter): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.department); opt(w, r.managerEmployeeId); w.date(r.validFrom); w.end();
}

export function writeEmployee(r: Employee, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.firstName); w.text(r.lastName); w.text(r.email); w.id(r.department); w.text(r.jobTitle);
  w.id(r.level); w.id(r.costCenterId); opt(w, r.managerId); w.date(r.hireDate);
  if (r.terminationDate === null) w.empty(); else w.date(r.terminationDate);
  w.money(r.annualSalary, digits); w.id(r.currency); w.id(r.employmentType); w.bool(r.isActive); w.end();
}

export function writeVendor(r: Vendor, w: RowWriter): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.country); w.text(r.region); w.text(r.city); w.id(r.postalCode);
  w.text(r.street); w.id(r.taxId); w.id(r.category); w.id(r.terms.code); w.int(r.terms.days); w.decimal(r.terms.discountPercent);
  w.int(r.terms.discountDays); w.id(r.currency); w.id(r.bankCode); w.id(r.bankAccount); opt(w, r.iban); w.bool(r.isIntercompany);
  w.bool(r.isActive); w.end();
}

export function writeCustomer(r: Customer, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.type); w.id(r.country); w.text(r.region); w.text(r.city);
  w.id(r.postalCode); opt(w, r.taxId); w.id(r.segment); w.money(r.creditLimit, digits); w.id(r.terms.code); w.int(r.terms.days);
  w.id(r.behaviour); w.id(r.riskClass); w.id(r.currency); w.bool(r.isIntercompany); w.end();
}

const gramsText = (g: number) => Math.floor(g / 1000) + "." + String(g % 1000).padStart(3, "0");

export function writeMaterial(r: Material, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.description); w.id(r.type); w.id(r.group); w.id(r.uom); w.money(r.standardCost, digits);
  w.money(r.listPrice, digits); w.id(r.currency); w.id(r.valuationClass);
  if (r.weightGrams === null) w.empty(); else w.decimal(gramsText(r.weightGrams));
  w.end();
}

export function writeFixedAsset(r: FixedAsset, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.description); w.id(r.assetClass); w.date(r.acquisitionDate);
  w.money(r.acquisitionCost, digits); w.int(r.usefulLifeMonths); w.money(r.salvageValue, digits); w.id(r.depreciationMethod);
  w.id(r.costCenterId); w.id(r.currency); w.end();
}
