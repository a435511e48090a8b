// The industries a scenario can name: each has presets (in the scenario and in phase specs).
export const INDUSTRIES = ["manufacturing", "retail", "financial_services", "healthcare", "technology"] as const;
export type Industry = (typeof INDUSTRIES)[number];
