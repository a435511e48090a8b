// Master data: schema-valid, unique, block-independent, deterministic, referentially intact.
import { describe, expect, test } from "bun:test";
import { compile } from "../../compiler/compile.ts";
import type { Plan } from "../../specs/plan.ts";
import { INDUSTRIES } from "../../specs/industries.ts";
import { fromText } from "../../specs/records/table.ts";
import { MASTER_DATA_TABLES } from "../../phases/master_data/tables.ts";
import { CsvWriter, ObjectWriter } from "../../output/writers.ts";
import { MASTER_GENERATORS, generateMasterBlock } from "../../phases/master_data/generate.ts";
import { MASTER_TABLE_NAMES, type MasterTable } from "../../phases/master_data/records.ts";
import { customerRecord, customerTerms, vendorRecord, vendorTerms } from "../../phases/master_data/partners.ts";
import { employeeRecord, managerIndex } from "../../phases/master_data/org.ts";
import { fixedAssetRecord } from "../../phases/master_data/items.ts";
import { masterCounts } from "../../phases/master_data/context.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

type Row = Record<string, unknown>;

function planFor(opts: { seed?: number; industry?: string; counts?: string; companies?: string } = {}): Plan {
  const src = `scenario "MD" { seed = ${opts.seed ?? 11} industry = ${opts.industry ?? "retail"} start = 2025-01-01 months = 3 }
${opts.companies ?? `company C01 { name = "Acme Retail, Inc." country = US currency = USD }
company C02 { name = "Acme Handel GmbH" country = DE currency = EUR }`}
phase master_data { ${opts.counts ?? "vendors = 120 customers = 150 materials = 90 fixed_assets = 60 employees = 230 cost_centers = 12"} block_size = 64 }
`;
  const r = compile(src);
  if (!r.plan) throw new Error(JSON.stringify(r.diagnostics));
  return r.plan;
}

function rows(plan: Plan, table: MasterTable, ci: number, blocks?: number[]): Row[] {
  const w = new ObjectWriter(MASTER_GENERATORS[table].spec);
  const n = masterCounts(plan)[table];
  if (!blocks) generateMasterBlock(plan, table, ci, 0, n, w);
  else for (let first = 0, b = 0; first < n; first += blocks[b++ % blocks.length]!) {
    generateMasterBlock(plan, table, ci, first, blocks[b % blocks.length]!, w);
  }
  return w.records;
}

function allRows(plan: Plan): Record<MasterTable, Row[]> {
  const out = {} as Record<MasterTable, Row[]>;
  for (const t of MASTER_TABLE_NAMES) out[t] = plan.companies.flatMap((_, ci) => rows(plan, t, ci));
  return out;
}

/** RFC 4180 reader: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), out.push(row), (row = []), (field = "");
    else field += ch;
  }
  return out;
}

const BASE = planFor();
const BASE_ROWS = allRows(BASE);

describe("master data", () => {
  test("every table has a spec and every record passes its schema, in every industry", () => {
    expect(MASTER_DATA_TABLES.map((s) => s.name).sort()).toEqual([...MASTER_TABLE_NAMES].sort());
    for (const industry of INDUSTRIES) {
      const plan = planFor({
        industry,
        counts: "vendors = 40 customers = 60 materials = 60 fixed_assets = 40 employees = 50 cost_centers = 9",
        companies: `company J1 { name = "Nihon KK" country = JP currency = JPY }
company S1 { name = "Helvetia AG" country = CH currency = CHF }
company F1 { name = "Hexagone SA" country = FR currency = EUR }
company G1 { name = "Albion Ltd" country = GB currency = GBP }
company X1 { name = "Maple Corp" country = CA currency = CAD }
company Z1 { name = "Savanna Ltd" country = KE currency = USD }`,
      });
      for (const [t, rs] of Object.entries(allRows(plan))) {
        const schema = MASTER_GENERATORS[t as MasterTable].spec.schema;
        for (const r of rs) {
          const res = schema.safeParse(r);
          if (!res.success) throw new Error(`${industry} ${t}: ${JSON.stringify(r)} ${res.error.message}`);
        }
      }
    }
  });

  test("ids are unique and follow the formats", () => {
    const idCol: Record<MasterTable, string> = {
      cost_centers: "cost_center_id", employees: "employee_id", vendors: "vendor_id", customers: "customer_id",
      materials: "material_id", fixed_assets: "asset_id",
    };
    for (const t of MASTER_TABLE_NAMES) {
      const ids = BASE_ROWS[t].map((r) => r[idCol[t]] as string);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(BASE_ROWS.vendors[0]!.vendor_id).toBe("V-C01-000001");
    expect(BASE_ROWS.cost_centers[0]!.cost_center_id).toBe("CC-C01-0001");
    const emails = BASE_ROWS.employees.map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  test("record i is the same in one block or in blocks of any size", () => {
    for (const t of MASTER_TABLE_NAMES) {
      const whole = rows(BASE, t, 1);
      expect(rows(BASE, t, 1, [7, 13, 1, 64])).toEqual(whole);
      expect(rows(BASE, t, 1, [5])).toEqual(whole);
    }
  });

  test("the same plan gives the same rows; another seed gives other rows", () => {
    expect(allRows(planFor())).toEqual(BASE_ROWS);
    const other = allRows(planFor({ seed: 12 }));
    expect(other.vendors).not.toEqual(BASE_ROWS.vendors);
    expect(other.employees).not.toEqual(BASE_ROWS.employees);
    expect(other.materials).not.toEqual(BASE_ROWS.materials);
  });

  test("cross references are intact: cost centers, managers form a tree of lower indices", () => {
    const cc = new Set(BASE_ROWS.cost_centers.map((r) => r.cost_center_id));
    const emp = new Map(BASE_ROWS.employees.map((r) => [r.employee_id as string, r]));
    for (const e of BASE_ROWS.employees) {
      expect(cc.has(e.cost_center_id)).toBe(true);
      if (e.manager_id === null) {
        expect(e.position_level).toBe("executive");
        continue;
      }
      const m = emp.get(e.manager_id as string)!;
      expect(m).toBeDefined();
      expect(m.company_code).toBe(e.company_code);
      expect(m.employee_id as string < (e.employee_id as string)).toBe(true);
      expect(m.is_active).toBe(true);
    }
    expect(BASE_ROWS.employees.filter((e) => e.manager_id === null).length).toBe(BASE.companies.length);
    for (const c of BASE_ROWS.cost_centers) if (c.manager_employee_id !== null) expect(emp.has(c.manager_employee_id as string)).toBe(true);
    for (const a of BASE_ROWS.fixed_assets) expect(cc.has(a.cost_center_id)).toBe(true);
    const n = masterCounts(BASE).employees;
    for (let i = 1; i < n; i++) expect(managerIndex(BASE, 0, i)!).toBeLessThan(i);
  });

  test("organisation: heads lead their cost centers; frontline departments are larger", () => {
    const e = rows(BASE, "employees", 0);
    const byCc = new Map<string, number>();
    for (const r of e) byCc.set(r.cost_center_id as string, (byCc.get(r.cost_center_id as string) ?? 0) + 1);
    expect(byCc.get("CC-C01-0005")!).toBeGreaterThan(byCc.get("CC-C01-0003")!); // stores vs hr
    const levels = new Set(e.map((r) => r.position_level));
    for (const l of ["executive", "director", "lead", "staff"]) expect(levels.has(l)).toBe(true);
  });

  test("money and asset rules: price above cost, salvage below cost, land not depreciated", () => {
    for (const m of BASE_ROWS.materials) expect(Number(m.list_price)).toBeGreaterThan(Number(m.standard_cost));
    const assets = allRows(planFor({ industry: "manufacturing", counts: "fixed_assets = 400 cost_centers = 20 employees = 10" })).fixed_assets;
    let land = 0;
    for (const a of assets) {
      expect(Number(a.salvage_value)).toBeLessThan(Number(a.acquisition_cost));
      expect(a.acquisition_date as string < "2025-01-01").toBe(true);
      if (a.asset_class === "land") {
        land++;
        expect([a.useful_life_months, a.depreciation_method, a.salvage_value]).toEqual([0, "none", "0.00"]);
      } else {
        expect(a.useful_life_months as number).toBeGreaterThan(0);
        expect(a.depreciation_method).toBe("straight_line");
      }
    }
    expect(land).toBeGreaterThan(0);
    const jp = planFor({ companies: `company J1 { name = "Nihon KK" country = JP currency = JPY }` });
    const sal = rows(jp, "employees", 0).map((r) => Number(r.annual_salary));
    expect(Math.min(...sal)).toBeGreaterThan(1_000_000); // yen
  });

  test("IBANs carry valid check digits; terms fast paths agree with the records", () => {
    let ibans = 0;
    for (const v of BASE_ROWS.vendors) {
      if (v.bank_iban === null) continue;
      const s = (v.bank_iban as string).slice(4) + (v.bank_iban as string).slice(0, 4);
      let r = 0;
      for (const ch of s) r = (r * (ch >= "A" ? 100 : 10) + (ch >= "A" ? ch.charCodeAt(0) - 55 : Number(ch))) % 97;
      expect(r).toBe(1);
      ibans++;
    }
    expect(ibans).toBeGreaterThan(50);
    for (let i = 0; i < 50; i++) {
      expect(vendorTerms(BASE, 1, i)).toBe(vendorRecord(BASE, 1, i).terms);
      const c = customerRecord(BASE, 0, i);
      const t = customerTerms(BASE, 0, i);
      expect([t.terms, t.behaviour, t.creditLimit, t.riskClass]).toEqual([c.terms, c.behaviour, c.creditLimit, c.riskClass]);
    }
    expect(employeeRecord(BASE, 0, 3).costCenterIndex).toBe(3);
    expect(fixedAssetRecord(BASE, 0, 0).currency).toBe("USD");
  });

  test("payment behaviour shares are realistic", () => {
    const plan = planFor({ industry: "manufacturing", counts: "customers = 3000" });
    const share = (b: string) => rows(plan, "customers", 0).filter((r) => r.payment_behaviour === b).length / 3000;
    expect(share("prompt")).toBeGreaterThan(0.25);
    expect(share("normal")).toBeGreaterThan(0.4);
    expect(share("very_late")).toBeLessThan(0.1);
  });

  test("fewer employees than cost centers leaves later cost centers without a manager", () => {
    const plan = planFor({ counts: "employees = 3 cost_centers = 6" });
    const cc = rows(plan, "cost_centers", 0);
    expect(cc.map((r) => r.manager_employee_id)).toEqual(["E-C01-000001", "E-C01-000002", "E-C01-000003", null, null, null]);
  });

  test("CSV output parses back to the same records (quoted commas in names)", () => {
    const plan = planFor({ industry: "healthcare", companies: `company J1 { name = "Nihon KK" country = JP currency = JPY }` });
    let commas = 0;
    for (const t of MASTER_TABLE_NAMES) {
      const g = MASTER_GENERATORS[t];
      const csv = new CsvWriter();
      generateMasterBlock(plan, t, 0, 0, masterCounts(plan)[t], csv);
      const parsed = parseCsv(CsvWriter.header(g.spec) + csv.buf);
      expect(parsed[0]).toEqual(g.spec.columns.map((c) => c.name));
      const back = parsed.slice(1).map((fields) => Object.fromEntries(g.spec.columns.map((c, k) => [c.name, fromText(c, fields[k]!)])));
      expect(back).toEqual(rows(plan, t, 0));
      commas += back.filter((r) => typeof r.name === "string" && r.name.includes(",")).length;
    }
    expect(commas).toBeGreaterThan(0);
  });
});
