// The initialize phase: the group's companies, the chart of accounts and the fiscal periods.
import { formatIso } from "../../core/calendar.ts";
import { chartOfAccounts, companies, fiscalPeriods } from "../../specs/records/ledger.ts";
import type { MainStep } from "../api.ts";
import { fxRates } from "../../specs/records/group.ts";
import { fxOf, rateText } from "../../ledger/fx.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { RowWriter } from "../../specs/records/table.ts";

/** Every day's rate for each pair a run converts: any plan currency into each company's and the group's. */
function writeFxRates(cx: RunContext, w: RowWriter): void {
  const group = cx.plan.scenario.groupCurrency;
  const all = [...new Set([group, ...cx.plan.fx.rates.map((r) => r.currency), ...cx.companies.map((c) => c.currency)])].sort();
  const targets = [...new Set([group, ...cx.companies.map((c) => c.currency)])].sort();
  if (all.length < 2) return;
  const fx = fxOf(cx);
  const first = cx.periods[0]!.firstDay;
  const last = cx.periods[cx.periods.length - 1]!;
  for (let day = first; day < last.firstDay + last.days; day++) {
    const date = formatIso(day);
    for (const from of all) {
      for (const to of targets) {
        if (from === to) continue;
        w.date(date);
        w.id(from);
        w.id(to);
        w.decimal(rateText(fx.rate(from, to, day)));
        w.end();
      }
    }
  }
}

export const setupStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    const wc = out.table(companies);
    for (const c of cx.companies) {
      wc.id(c.code);
      wc.text(c.name);
      wc.id(c.country);
      wc.id(c.currency);
      wc.decimal(c.share.toFixed(6));
      wc.decimal(c.ownership.toFixed(6));
      wc.end();
    }
    const wa = out.table(chartOfAccounts);
    for (const a of cx.chart.accounts) {
      wa.id(a.number);
      wa.text(a.name);
      wa.id(a.type);
      if (a.parent) wa.id(a.parent);
      else wa.empty();
      wa.int(a.level);
      wa.bool(a.posting);
      if (a.role) wa.id(a.role);
      else wa.empty();
      wa.id(a.normal);
      wa.end();
    }
    const wp = out.table(fiscalPeriods);
    for (const p of cx.periods) {
      wp.int(p.index);
      wp.int(p.fiscalYear);
      wp.int(p.fiscalPeriod);
      wp.date(formatIso(p.firstDay));
      wp.date(formatIso(p.firstDay + p.days - 1));
      wp.bool(p.isQuarterEnd);
      wp.bool(p.isYearEnd);
      wp.end();
    }
    writeFxRates(cx, out.table(fxRates));
  },
};
