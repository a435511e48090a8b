// The accounting framework each company reports under: the scenario's, or by the company's
// country (US GAAP for US companies, IFRS elsewhere), and the standard each part follows.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { paramsOf } from "../../specs/phase.ts";
import { accountingStandardsSpec } from "./spec.ts";

export type Framework = "ifrs" | "us_gaap";

export function frameworkOf(cx: RunContext, c: CompanyInfo): Framework {
  const setting = paramsOf(accountingStandardsSpec, cx).framework;
  if (setting !== "auto") return setting;
  return c.country === "US" ? "us_gaap" : "ifrs";
}

export const revenueStandard = (f: Framework) => (f === "us_gaap" ? "asc_606" : "ifrs_15");
export const impairmentStandard = (f: Framework) => (f === "us_gaap" ? "asc_360" : "ias_36");
export const creditLossStandard = (f: Framework) => (f === "us_gaap" ? "asc_326" : "ifrs_9");

/** How an entry's text names the standard. */
export const revenueLabel = (f: Framework) => (f === "us_gaap" ? "ASC 606" : "IFRS 15");
