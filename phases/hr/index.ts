// hr: payroll at the company's pay frequency, time entries, expense reports and employee
// events; it takes payroll postings over from the core cycle (see spec.ts).
import type { PhaseModule } from "../api.ts";
import { hrSpec } from "./spec.ts";
import { peopleStep } from "./blocks.ts";
import { payrollStep } from "./payroll.ts";
import { reconcileStep } from "./reconcile.ts";

export const hrPhase: PhaseModule = {
  spec: hrSpec,
  steps: { people: peopleStep, payroll: payrollStep, reconcile: reconcileStep },
};
