// The initialize phase: the group's companies, the chart of accounts and the fiscal periods.
import { formatIso } from "../../core/calendar.ts";
import { chartOfAccounts, companies, fiscalPeriods } from "../../specs/records/ledger.ts";
import type { MainPhaseImpl } from "./types.ts";

export const initializePhase: MainPhaseImpl = {
  kind: "main",
  tables: [companies, chartOfAccounts, fiscalPeriods],
  run(cx, _phase, _state, out) {
    const wc = out.table(companies);
    for (const c of cx.companies) {
      wc.id(c.code);
      wc.text(c.name);
      wc.id(c.country);
      wc.id(c.currency);
      wc.decimal(c.share.toFixed(6));
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
  },
};
