import { describe, expect, test } from "bun:test";
import { phaseEdges, toDot, toMermaid, type GraphPlan } from "../../compiler/graph.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const PLAN: GraphPlan = {
  scenario: { name: "Tiny Co" },
  phases: [
    { id: "initialize", title: "Initialize", status: "run", needs: [], after: [] },
    { id: "transactions", title: "Transactions", status: "run", needs: ["initialize"], after: [] },
    { id: "period_close", title: "Period close", status: "disabled", needs: ["transactions"], after: [] },
    { id: "banking", title: "Banking", status: "planned", needs: ["transactions"], after: [] },
    {
      id: "anomalies",
      title: "Anomaly injection",
      status: "skipped",
      reason: 'needs "master_data", which is disabled',
      needs: ["transactions", "master_data"],
      after: ["period_close", "transactions"],
    },
  ],
};

describe("phaseEdges", () => {
  test("needs solid, after dashed; repeats and phases not in the plan are dropped", () => {
    expect(phaseEdges(PLAN)).toEqual([
      { from: "initialize", to: "transactions", kind: "needs" },
      { from: "transactions", to: "period_close", kind: "needs" },
      { from: "transactions", to: "banking", kind: "needs" },
      { from: "transactions", to: "anomalies", kind: "needs" },
      { from: "period_close", to: "anomalies", kind: "after" },
    ]);
  });
});

describe("toMermaid", () => {
  test("a flowchart with status classes and the skip reason; a planned phase is drawn apart from those that run", () => {
    expect(toMermaid(PLAN)).toBe(
      [
        "flowchart TD",
        "  %% scenario: Tiny Co",
        '  initialize["Initialize"]',
        '  transactions["Transactions"]',
        '  period_close["Period close<br/>disabled"]',
        '  banking["Banking<br/>planned: not generated yet"]',
        '  anomalies["Anomaly injection<br/>skipped: needs #quot;master_data#quot;, which is disabled"]',
        "  initialize --> transactions",
        "  transactions --> period_close",
        "  transactions --> banking",
        "  transactions --> anomalies",
        "  period_close -.-> anomalies",
        "  classDef run fill:#d8f0dc,stroke:#2e7d32,color:#1b4d1f",
        "  class initialize,transactions run",
        "  classDef planned fill:#ffffff,stroke:#5c6bc0,color:#3949ab,stroke-dasharray:5 5",
        "  class banking planned",
        "  classDef skipped fill:#fff3cd,stroke:#b7791f,color:#6b4a00,stroke-dasharray:5 5",
        "  class anomalies skipped",
        "  classDef disabled fill:#eeeeee,stroke:#9e9e9e,color:#757575,stroke-dasharray:5 5",
        "  class period_close disabled",
        "",
      ].join("\n"),
    );
  });
});

describe("toDot", () => {
  test("a digraph with styled nodes and dashed after-edges", () => {
    expect(toDot(PLAN)).toBe(
      [
        'digraph "Tiny Co" {',
        "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  initialize [label="Initialize", style="rounded,filled", fillcolor="#d8f0dc", color="#2e7d32", fontcolor="#1b4d1f"];',
        '  transactions [label="Transactions", style="rounded,filled", fillcolor="#d8f0dc", color="#2e7d32", fontcolor="#1b4d1f"];',
        '  period_close [label="Period close\\ndisabled", style="rounded,filled,dashed", fillcolor="#eeeeee", color="#9e9e9e", fontcolor="#757575"];',
        '  banking [label="Banking\\nplanned: not generated yet", style="rounded,filled,dashed", fillcolor="#ffffff", color="#5c6bc0", fontcolor="#3949ab"];',
        '  anomalies [label="Anomaly injection\\nskipped: needs \\"master_data\\", which is disabled", style="rounded,filled,dashed", fillcolor="#fff3cd", color="#b7791f", fontcolor="#6b4a00"];',
        "  initialize -> transactions;",
        "  transactions -> period_close;",
        "  transactions -> banking;",
        "  transactions -> anomalies;",
        "  period_close -> anomalies [style=dashed];",
        "}",
        "",
      ].join("\n"),
    );
  });

  test("graph names that are DOT keywords are quoted", () => {
    expect(toDot({ scenario: { name: "graph" }, phases: [] })).toStartWith('digraph "graph" {');
    expect(toDot({ phases: [] })).toStartWith("digraph synth {");
  });
});
