// Industry flavour: departments and their titles, vendor categories, customer mix, material
// families and fixed-asset classes. Money ranges are in USD and converted per company.
import type { Industry } from "../specs/industries.ts";

export type W<T> = readonly (readonly [T, number])[];

export interface Department {
  id: string;
  /** Cost center names; the n-th cost center of a department takes names[n % length]. */
  ccNames: readonly string[];
  staff: readonly string[];
  lead: string;
  manager: string;
  director: string;
  /** Salary relative to the country's mid-level salary. */
  pay: number;
}

const d = (id: string, ccNames: string[], staff: string[], lead: string, manager: string, director: string, pay = 1): Department =>
  ({ id, ccNames, staff, lead, manager, director, pay });

export const DEPARTMENTS: Record<string, Department> = {
  admin: d("admin", ["Executive Board", "General Administration", "Corporate Office", "Strategy", "Internal Audit"],
    ["Executive Assistant", "Office Manager", "Administrative Assistant", "Receptionist", "Strategy Analyst", "Internal Auditor"],
    "Senior Executive Assistant", "Office Services Manager", "Chief Operating Officer", 1.05),
  finance: d("finance", ["Finance", "Accounting", "Controlling", "Treasury", "Tax", "Accounts Payable", "Accounts Receivable"],
    ["Accountant", "Financial Analyst", "Accounts Payable Clerk", "Accounts Receivable Clerk", "Controller", "Tax Specialist", "Treasury Analyst", "Payroll Accountant"],
    "Senior Accountant", "Finance Manager", "Chief Financial Officer", 1.1),
  hr: d("hr", ["Human Resources", "Recruiting", "Learning & Development", "Payroll"],
    ["HR Generalist", "Recruiter", "Payroll Specialist", "HR Business Partner", "Training Coordinator", "Compensation Analyst"],
    "Senior HR Business Partner", "HR Manager", "Chief Human Resources Officer", 0.95),
  it: d("it", ["IT Infrastructure", "IT Applications", "IT Service Desk", "Information Security", "Data & Analytics"],
    ["Systems Administrator", "Service Desk Analyst", "Network Engineer", "ERP Consultant", "Security Analyst", "Data Engineer", "Database Administrator"],
    "IT Team Lead", "IT Manager", "Chief Information Officer", 1.2),
  sales: d("sales", ["Sales North", "Sales South", "Sales East", "Sales West", "Key Accounts", "Inside Sales", "Export Sales", "E-Commerce"],
    ["Account Executive", "Sales Representative", "Inside Sales Representative", "Key Account Manager", "Sales Engineer", "Sales Coordinator"],
    "Sales Team Lead", "Regional Sales Manager", "Chief Sales Officer", 1.05),
  marketing: d("marketing", ["Marketing", "Brand & Communications", "Digital Marketing", "Product Marketing"],
    ["Marketing Specialist", "Content Manager", "Digital Marketing Analyst", "Brand Manager", "Communications Specialist", "Graphic Designer"],
    "Marketing Team Lead", "Marketing Manager", "Chief Marketing Officer", 1.0),
  production: d("production", ["Production Line 1", "Production Line 2", "Assembly", "Machining", "Welding", "Paint Shop", "Production Line 3", "Pre-Assembly"],
    ["Machine Operator", "Production Worker", "Assembly Technician", "CNC Machinist", "Welder", "Production Planner", "Shift Worker", "Industrial Mechanic"],
    "Shift Supervisor", "Production Manager", "Head of Production", 0.8),
  logistics: d("logistics", ["Warehouse", "Distribution", "Shipping & Receiving", "Transport", "Inventory Control"],
    ["Warehouse Associate", "Forklift Operator", "Logistics Coordinator", "Dispatcher", "Inventory Clerk", "Truck Driver"],
    "Warehouse Supervisor", "Logistics Manager", "Head of Supply Chain", 0.75),
  procurement: d("procurement", ["Procurement", "Strategic Sourcing", "Purchasing"],
    ["Buyer", "Purchasing Agent", "Category Manager", "Procurement Analyst", "Supplier Quality Engineer"],
    "Senior Buyer", "Purchasing Manager", "Chief Procurement Officer", 1.0),
  "r&d": d("r&d", ["Research & Development", "Product Engineering", "Innovation Lab", "Test Laboratory"],
    ["Development Engineer", "Design Engineer", "Research Scientist", "Test Engineer", "Lab Technician", "Product Engineer"],
    "Lead Engineer", "R&D Manager", "Chief Technology Officer", 1.25),
  quality: d("quality", ["Quality Assurance", "Quality Control"],
    ["Quality Inspector", "Quality Engineer", "QA Technician", "Compliance Auditor"],
    "Quality Team Lead", "Quality Manager", "Head of Quality", 0.95),
  maintenance: d("maintenance", ["Maintenance", "Facility Management", "Plant Engineering"],
    ["Maintenance Technician", "Electrician", "Facility Technician", "Mechanical Fitter"],
    "Maintenance Supervisor", "Maintenance Manager", "Head of Engineering", 0.85),
  customer_service: d("customer_service", ["Customer Service", "Customer Care", "Call Center"],
    ["Customer Service Representative", "Customer Care Agent", "Call Center Agent", "Service Coordinator"],
    "Customer Service Team Lead", "Customer Service Manager", "Head of Customer Experience", 0.75),
  legal: d("legal", ["Legal", "Compliance", "Data Protection"],
    ["Legal Counsel", "Paralegal", "Compliance Officer", "Contract Manager", "Data Protection Officer"],
    "Senior Legal Counsel", "Legal Manager", "General Counsel", 1.35),
  stores: d("stores", ["Store Downtown", "Store Mall", "Store Airport", "Store Central Station", "Flagship Store", "Outlet Store", "Store Suburbs"],
    ["Sales Associate", "Cashier", "Stock Associate", "Visual Merchandiser", "Department Supervisor", "Store Clerk"],
    "Assistant Store Manager", "Store Manager", "Head of Retail Operations", 0.62),
  clinical: d("clinical", ["Internal Medicine", "Surgery", "Emergency Department", "Radiology", "Cardiology", "Pediatrics", "Orthopedics", "Oncology"],
    ["Physician", "Resident Physician", "Radiographer", "Physiotherapist", "Medical Assistant", "Surgeon", "Anesthesiologist"],
    "Senior Physician", "Head of Department", "Chief Medical Officer", 1.6),
  nursing: d("nursing", ["Nursing Ward A", "Nursing Ward B", "Intensive Care", "Outpatient Care", "Nursing Ward C"],
    ["Registered Nurse", "Nursing Assistant", "Licensed Practical Nurse", "Midwife", "Care Assistant"],
    "Charge Nurse", "Nurse Manager", "Chief Nursing Officer", 0.9),
  pharmacy: d("pharmacy", ["Pharmacy", "Laboratory", "Sterile Services"],
    ["Pharmacist", "Pharmacy Technician", "Lab Technician", "Biomedical Scientist"],
    "Senior Pharmacist", "Pharmacy Manager", "Head of Pharmacy", 1.1),
  engineering: d("engineering", ["Platform Engineering", "Product Engineering", "Cloud Operations", "Mobile", "Data Platform", "Quality Engineering"],
    ["Software Engineer", "Senior Software Engineer", "DevOps Engineer", "Site Reliability Engineer", "QA Engineer", "Data Scientist", "Frontend Developer", "Backend Developer"],
    "Engineering Team Lead", "Engineering Manager", "VP Engineering", 1.45),
  support: d("support", ["Customer Support", "Technical Support", "Customer Success"],
    ["Support Engineer", "Customer Success Manager", "Technical Support Specialist", "Onboarding Specialist"],
    "Support Team Lead", "Support Manager", "Head of Customer Success", 0.9),
  operations: d("operations", ["Operations", "Payments Operations", "Loan Operations", "Securities Operations", "Branch Network"],
    ["Operations Analyst", "Payments Specialist", "Loan Officer", "Settlement Specialist", "Branch Advisor", "Client Service Associate"],
    "Operations Team Lead", "Operations Manager", "Chief Operations Officer", 1.0),
  risk: d("risk", ["Risk Management", "Credit Risk", "Market Risk", "Fraud Prevention"],
    ["Risk Analyst", "Credit Analyst", "Quantitative Analyst", "Fraud Analyst", "Model Validator"],
    "Senior Risk Analyst", "Risk Manager", "Chief Risk Officer", 1.4),
  compliance: d("compliance", ["Compliance", "AML & KYC", "Regulatory Reporting"],
    ["Compliance Analyst", "KYC Analyst", "AML Investigator", "Regulatory Reporting Specialist"],
    "Compliance Team Lead", "Compliance Manager", "Chief Compliance Officer", 1.2),
};

/** Cost center j has department SEQ[j % SEQ.length]; index 0 (admin) is the executive board. */
export const DEPARTMENT_SEQUENCE: Record<Industry, readonly string[]> = {
  manufacturing: ["admin", "finance", "hr", "it", "sales", "production", "logistics", "procurement", "r&d", "quality",
    "maintenance", "production", "marketing", "production", "sales", "logistics", "production", "customer_service", "legal", "production"],
  retail: ["admin", "finance", "hr", "it", "stores", "logistics", "procurement", "marketing", "stores", "sales",
    "customer_service", "stores", "logistics", "stores", "legal", "stores", "stores", "marketing"],
  healthcare: ["admin", "finance", "hr", "it", "clinical", "nursing", "pharmacy", "clinical", "nursing", "procurement",
    "clinical", "nursing", "maintenance", "clinical", "customer_service", "nursing", "legal", "clinical"],
  technology: ["admin", "finance", "hr", "it", "engineering", "sales", "marketing", "support", "engineering", "r&d",
    "engineering", "sales", "operations", "legal", "engineering", "support", "engineering", "customer_service"],
  financial_services: ["admin", "finance", "hr", "it", "operations", "risk", "compliance", "sales", "operations", "it",
    "legal", "marketing", "customer_service", "operations", "risk", "sales", "operations", "compliance"],
};

/** Employees per cost center of a department, relative (frontline departments are larger). */
export const DEPARTMENT_WEIGHT: Record<string, number> = {
  admin: 1, finance: 2, hr: 1, it: 2, sales: 3, marketing: 2, production: 6, logistics: 4, procurement: 2, "r&d": 3,
  quality: 2, maintenance: 2, customer_service: 3, legal: 1, stores: 6, clinical: 5, nursing: 6, pharmacy: 2,
  engineering: 5, support: 3, operations: 4, risk: 2, compliance: 2,
};

export const VENDOR_CATEGORIES: Record<Industry, W<string>> = {
  manufacturing: [["raw_materials", 28], ["components", 18], ["packaging", 7], ["logistics", 10], ["utilities", 4],
    ["maintenance", 9], ["professional_services", 7], ["it", 6], ["office_supplies", 4], ["facilities", 4], ["staffing", 3]],
  retail: [["merchandise", 45], ["logistics", 14], ["packaging", 5], ["marketing", 9], ["facilities", 8], ["it", 7],
    ["utilities", 5], ["professional_services", 4], ["staffing", 3]],
  healthcare: [["medical_supplies", 28], ["pharmaceuticals", 20], ["medical_equipment", 10], ["laboratory", 8],
    ["facilities", 9], ["it", 8], ["utilities", 5], ["professional_services", 6], ["staffing", 6]],
  technology: [["hardware", 18], ["software", 18], ["cloud", 14], ["professional_services", 12], ["staffing", 8],
    ["marketing", 10], ["facilities", 8], ["utilities", 3], ["office_supplies", 5], ["it", 4]],
  financial_services: [["it", 18], ["software", 15], ["data_services", 15], ["professional_services", 20], ["facilities", 10],
    ["marketing", 8], ["utilities", 4], ["office_supplies", 5], ["staffing", 5]],
};

export interface CustomerMix {
  /** Share of private persons among customers. */
  persons: number;
  /** [segment, weight, credit limit low, high (USD)] */
  personSegments: readonly (readonly [string, number, number, number])[];
  businessSegments: readonly (readonly [string, number, number, number])[];
  /** Trade words used for business customer names. */
  trades: W<string>;
  /** Payment terms of private persons. */
  personTerms: string;
}

const B2B_SEGMENTS = [["enterprise", 15, 250_000, 5_000_000], ["mid_market", 40, 50_000, 500_000],
  ["small_business", 38, 5_000, 50_000], ["public_sector", 7, 100_000, 2_000_000]] as const;

export const CUSTOMER_MIX: Record<Industry, CustomerMix> = {
  manufacturing: { persons: 0, personSegments: [["consumer", 1, 500, 5_000]], businessSegments: B2B_SEGMENTS,
    trades: [["industrial", 50], ["merchandise", 25], ["retail_trade", 10], ["components", 10], ["public", 5]], personTerms: "NET14" },
  retail: { persons: 0.9, personSegments: [["consumer", 70, 0, 1_000], ["loyalty_member", 25, 500, 3_000], ["premium", 5, 2_000, 10_000]],
    businessSegments: [["small_business", 70, 2_000, 25_000], ["mid_market", 30, 20_000, 150_000]],
    trades: [["retail_trade", 40], ["facilities", 20], ["professional_services", 20], ["health_provider", 10], ["tech_firm", 10]], personTerms: "IMMEDIATE" },
  healthcare: { persons: 0.75, personSegments: [["insured_patient", 75, 0, 2_000], ["self_pay_patient", 20, 0, 5_000], ["international_patient", 5, 5_000, 50_000]],
    businessSegments: [["insurer", 60, 500_000, 10_000_000], ["hospital", 25, 100_000, 2_000_000], ["public_sector", 15, 250_000, 5_000_000]],
    trades: [["insurance", 60], ["health_provider", 25], ["public", 15]], personTerms: "NET30" },
  technology: { persons: 0.05, personSegments: [["consumer", 1, 0, 2_000]], businessSegments: B2B_SEGMENTS,
    trades: [["tech_firm", 25], ["industrial", 20], ["finance", 15], ["retail_trade", 15], ["health_provider", 10], ["professional_services", 10], ["public", 5]], personTerms: "IMMEDIATE" },
  financial_services: { persons: 0.6, personSegments: [["mass_retail", 75, 500, 10_000], ["affluent", 20, 10_000, 100_000], ["private_banking", 5, 100_000, 2_000_000]],
    businessSegments: [["sme", 60, 25_000, 500_000], ["corporate", 30, 500_000, 20_000_000], ["institutional", 10, 1_000_000, 50_000_000]],
    trades: [["industrial", 25], ["retail_trade", 15], ["tech_firm", 15], ["finance", 15], ["professional_services", 15], ["facilities", 15]], personTerms: "IMMEDIATE" },
};

export const PAYMENT_BEHAVIOUR: W<string> = [["prompt", 30], ["normal", 45], ["late", 18], ["very_late", 7]];

/** Risk class distribution given the payment behaviour (A best .. D worst). */
export const RISK_BY_BEHAVIOUR: Record<string, W<string>> = {
  prompt: [["A", 70], ["B", 25], ["C", 5]],
  normal: [["A", 30], ["B", 50], ["C", 17], ["D", 3]],
  late: [["B", 30], ["C", 50], ["D", 20]],
  very_late: [["C", 40], ["D", 60]],
};
export const RISK_CREDIT_FACTOR: Record<string, number> = { A: 1, B: 0.8, C: 0.5, D: 0.25 };

export type MaterialType = "raw" | "semi_finished" | "finished" | "trading_goods" | "service";

export interface MaterialFamily {
  type: MaterialType;
  group: string;
  uom: string;
  nouns: readonly string[];
  specs: readonly string[];
  /** Standard cost range per unit, USD (log-uniform). */
  cost: readonly [number, number];
  /** Weight range per unit in kg; null for services. */
  kg: readonly [number, number] | null;
  weight: number;
}

const m = (type: MaterialType, group: string, uom: string, weight: number, cost: [number, number], kg: [number, number] | null,
  nouns: string[], specs: string[]): MaterialFamily => ({ type, group, uom, nouns, specs, cost, kg, weight });

export const MATERIAL_FAMILIES: Record<Industry, readonly MaterialFamily[]> = {
  manufacturing: [
    m("raw", "metals", "KG", 10, [0.8, 14], [1, 1], ["Steel sheet", "Stainless steel sheet", "Aluminium sheet", "Copper sheet", "Steel plate", "Galvanised sheet"],
      ["1 mm", "1.5 mm", "2 mm", "3 mm", "5 mm", "8 mm", "S235JR", "S355J2", "1.4301", "1.4404", "DC01"]),
    m("raw", "metals", "KG", 5, [0.8, 14], [1, 1], ["Round bar", "Flat bar", "Steel tube", "Brass rod", "Aluminium profile", "Square tube"],
      ["Ø 10 mm", "Ø 20 mm", "Ø 40 mm", "40x5 mm", "60x60x3 mm", "EN AW-6060", "S235JR", "CuZn39Pb3"]),
    m("raw", "polymers", "KG", 5, [1.2, 9], [1, 1], ["Polypropylene granulate", "Polyethylene granulate", "ABS granulate", "PA6 granulate", "POM granulate"],
      ["natural", "black", "grey RAL 7035", "UV-stabilised", "glass-fibre reinforced", "flame retardant"]),
    m("raw", "chemicals", "KG", 3, [2, 25], [1, 1], ["Epoxy resin", "Industrial adhesive", "Powder coating", "Lubricating oil", "Cleaning solvent", "Hardener"],
      ["25 kg bag", "20 L canister", "200 L drum", "RAL 9005", "RAL 7016", "two-component", "food grade"]),
    m("raw", "cables", "M", 4, [0.15, 6], [0.01, 0.4], ["Copper wire", "Enamelled wire", "Power cable", "Control cable", "Steel wire rope"],
      ["0.5 mm²", "1.5 mm²", "2.5 mm²", "4 mm²", "3G1.5", "5G2.5", "shielded"]),
    m("raw", "fasteners", "PC", 7, [0.02, 2.5], [0.002, 0.15], ["Hex bolt", "Socket head screw", "Countersunk screw", "Hex nut", "Lock nut", "Threaded rod"],
      ["M4x12", "M5x16", "M6x20", "M8x30", "M10x40", "M12x50", "M16x60", "A2 stainless", "8.8 zinc-plated"]),
    m("raw", "bearings_seals", "PC", 4, [0.3, 120], [0.005, 3], ["Ball bearing", "Tapered roller bearing", "Needle bearing", "Shaft seal", "O-ring", "Flat gasket"],
      ["6204-2RS", "6306-ZZ", "30205", "NK 20/16", "NBR 70", "FKM 80", "Ø 20 mm", "Ø 35 mm"]),
    m("raw", "electrical", "PC", 5, [1.5, 400], [0.01, 2], ["Proximity sensor", "Relay", "Contactor", "Circuit breaker", "Connector", "Terminal block", "Pushbutton", "Power supply unit"],
      ["24 V DC", "230 V AC", "IP67", "10 A", "16 A", "3-pole", "DIN rail"]),
    m("raw", "drives", "PC", 3, [80, 3_500], [2, 80], ["Electric motor", "Gear motor", "Servo motor", "Frequency inverter"], ["0.37 kW", "0.75 kW", "2.2 kW", "5.5 kW", "11 kW", "IE3"]),
    m("raw", "fluid_power", "PC", 3, [15, 1_800], [0.1, 25], ["Pneumatic cylinder", "Solenoid valve", "Hydraulic pump", "Ball valve", "Pressure regulator"],
      ["DN 15", "DN 25", "DN 50", "Ø 32 mm stroke 100", "Ø 50 mm stroke 200", "G 1/2", "PN 16"]),
    m("raw", "packaging", "PC", 3, [0.2, 40], [0.05, 25], ["Cardboard box", "Wooden pallet", "Shipping crate", "Foam insert"], ["600x400", "800x600", "1200x800", "EUR format", "custom print"]),
    m("semi_finished", "subassemblies", "PC", 14, [8, 900], [0.2, 60], ["Machined housing", "Welded frame", "Cast bracket", "Stamped plate", "Gear blank", "Drive shaft", "Rotor assembly", "Stator assembly", "PCB assembly", "Wire harness", "Hydraulic manifold", "Sub-assembly"],
      ["type A", "type B", "type C", "rev. 2", "rev. 3", "size S", "size M", "size L", "left", "right"]),
    m("finished", "machines", "PC", 20, [250, 60_000], [2, 2500], ["Industrial pump", "Gearbox", "Conveyor module", "Control cabinet", "Compressor", "Hydraulic press", "Packaging machine", "Electric drive unit", "Valve assembly",
      "Heat exchanger", "Industrial fan", "Filter unit", "Mixing station", "Robot gripper", "Linear actuator"],
      ["Series 100", "Series 200", "Series 300", "Pro", "Compact", "XL", "Model 4", "Model 7", "HD", "Eco"]),
    m("trading_goods", "spare_parts", "PC", 8, [3, 400], [0.05, 8], ["Spare parts kit", "Maintenance kit", "Replacement filter", "Drive belt", "Seal kit", "Wear parts set"],
      ["for Series 100", "for Series 200", "for Series 300", "for Compact", "for XL", "standard", "premium"]),
    m("service", "services", "HR", 6, [45, 900], null, ["Installation service", "Commissioning", "Preventive maintenance", "Repair service", "Operator training", "Field service", "Engineering support"],
      ["per hour", "per visit", "flat rate", "on site", "remote"]),
  ],
  retail: [
    m("trading_goods", "apparel", "PC", 14, [2, 45], [0.05, 0.8], ["T-shirt", "Jeans", "Hoodie", "Sweater", "Dress", "Polo shirt", "Chinos", "Blouse", "Shorts"],
      ["men's S", "men's M", "men's L", "men's XL", "women's S", "women's M", "women's L", "kids 128", "kids 152"]),
    m("trading_goods", "apparel", "PC", 6, [6, 60], [0.2, 1.5], ["Rain jacket", "Winter jacket", "Sneakers", "Boots", "Scarf", "Backpack"],
      ["navy", "black", "white", "grey", "olive", "recycled", "size 38", "size 42", "size 44"]),
    m("trading_goods", "grocery", "PC", 12, [0.3, 12], [0.2, 2], ["Organic coffee beans", "Pasta", "Basmati rice", "Dark chocolate", "Green tea", "Granola", "Almonds", "Oat flakes"],
      ["250 g", "500 g", "1 kg", "fair trade", "organic", "family pack"]),
    m("trading_goods", "grocery", "PC", 10, [0.3, 9], [0.3, 9], ["Olive oil", "Orange juice", "Tomato sauce", "Sparkling water", "Oat drink", "Apple cider vinegar"],
      ["500 ml", "750 ml", "1 L", "6 x 1 L", "organic", "no added sugar"]),
    m("trading_goods", "home_textiles", "PC", 6, [2, 60], [0.2, 3], ["Bath towel", "Bed linen set", "Cushion cover", "Throw blanket", "Tea towel set"],
      ["grey", "white", "sand", "50x100", "70x140", "135x200", "155x220", "organic cotton"]),
    m("trading_goods", "kitchen", "PC", 6, [1.5, 80], [0.2, 6], ["Cookware set", "Frying pan", "Kitchen knife", "Coffee mug", "Glass set", "Cutting board"],
      ["stainless", "non-stick", "24 cm", "28 cm", "set of 4", "set of 6", "bamboo"]),
    m("trading_goods", "home", "PC", 4, [3, 70], [0.2, 5], ["Table lamp", "Storage box", "Wall clock", "Photo frame", "Candle set"], ["black", "white", "oak", "brass", "small", "large"]),
    m("trading_goods", "electronics", "PC", 8, [3, 140], [0.05, 1.5], ["Bluetooth headphones", "Smart speaker", "Wireless mouse", "Keyboard", "Electric toothbrush", "Hair dryer"],
      ["black", "white", "travel edition", "pro", "compact"]),
    m("trading_goods", "electronics", "PC", 6, [1.5, 40], [0.02, 0.6], ["USB-C charger", "Power bank", "Charging cable", "LED bulb", "Phone case"],
      ["20 W", "65 W", "10,000 mAh", "20,000 mAh", "1 m", "2 m", "E27 9 W", "GU10 5 W"]),
    m("trading_goods", "beauty", "PC", 12, [0.5, 15], [0.05, 0.6], ["Shampoo", "Shower gel", "Body lotion", "Hand soap", "Face cream", "Sunscreen SPF 50"],
      ["50 ml", "250 ml", "400 ml", "sensitive", "men", "travel size"]),
    m("finished", "private_label", "PC", 7, [0.8, 30], [0.1, 2], ["House brand cereal", "House brand detergent", "House brand kitchen roll", "House brand cookies", "House brand coffee"],
      ["500 g", "1 kg", "4-pack", "8-pack", "family size"]),
    m("service", "services", "EA", 5, [0.5, 40], null, ["Gift wrapping", "Home delivery", "Extended warranty", "Assembly service", "Alteration service", "Click & collect fee"],
      ["standard", "express", "per item"]),
  ],
  healthcare: [
    m("trading_goods", "medical_supplies", "BOX", 9, [2, 25], [0.2, 1.5], ["Nitrile examination gloves", "Latex-free surgical gloves", "Surgical mask", "FFP2 respirator", "Disposable gown"],
      ["size S", "size M", "size L", "box of 50", "box of 100", "powder-free"]),
    m("trading_goods", "medical_supplies", "BOX", 9, [3, 60], [0.1, 1.5], ["Syringe", "Hypodermic needle", "IV cannula", "Blood collection tube", "Infusion set"],
      ["2 ml", "5 ml", "10 ml", "18G", "20G", "22G", "sterile, box of 100"]),
    m("trading_goods", "medical_supplies", "BOX", 7, [1, 40], [0.05, 1], ["Gauze swab", "Adhesive bandage", "Wound dressing", "Absorbable suture", "Scalpel blade"],
      ["5x5 cm", "10x10 cm", "sterile", "3-0", "4-0", "no. 10", "no. 15"]),
    m("trading_goods", "medical_supplies", "PC", 4, [2, 30], [0.5, 5.5], ["Surface disinfectant", "Hand sanitiser", "Sodium chloride solution", "Ultrasound gel"], ["500 ml", "1 L", "5 L"]),
    m("trading_goods", "pharmaceuticals", "PAC", 25, [0.5, 180], [0.02, 0.6], ["Paracetamol 500 mg tablets", "Ibuprofen 400 mg tablets", "Amoxicillin 500 mg capsules", "Omeprazole 20 mg capsules", "Metformin 850 mg tablets",
      "Atorvastatin 20 mg tablets", "Heparin 5,000 IU/ml ampoules", "Insulin glargine 100 U/ml pens", "Ceftriaxone 1 g vials", "Morphine sulfate 10 mg/ml ampoules", "Lidocaine 2% ampoules", "Sodium chloride 0.9% infusion"],
      ["x10", "x20", "x30", "x50", "x100"]),
    m("trading_goods", "medical_devices", "PC", 8, [15, 15_000], [0.1, 120], ["Blood pressure monitor", "Pulse oximeter", "Infusion pump", "Patient monitor", "Clinical thermometer", "Wheelchair", "Hospital bed", "Nebulizer"],
      ["standard", "paediatric", "portable", "wireless", "Model II"]),
    m("service", "procedures", "EA", 38, [25, 3_000], null, ["Consultation", "Follow-up visit", "MRI scan", "CT scan", "X-ray", "Blood panel", "Physiotherapy session", "Day surgery", "Inpatient day", "Vaccination", "ECG", "Ultrasound"],
      ["standard", "extended", "specialist", "outpatient", "inpatient", "emergency"]),
  ],
  technology: [
    m("trading_goods", "computers", "PC", 10, [350, 3_500], [1, 12], ["Laptop", "Ultrabook", "Desktop workstation", "Mini PC"], ["14-inch", "16-inch", "16 GB RAM", "32 GB RAM", "64 GB RAM", "1 TB SSD"]),
    m("trading_goods", "network", "PC", 7, [60, 12_000], [0.3, 15], ["Network switch", "Firewall appliance", "Wi-Fi access point", "Router"], ["8-port", "24-port", "48-port", "1U", "PoE+", "10 GbE"]),
    m("trading_goods", "storage", "PC", 6, [40, 6_000], [0.01, 8], ["SSD", "External hard drive", "NAS storage"], ["512 GB", "1 TB", "2 TB", "4 TB", "8 TB"]),
    m("trading_goods", "peripherals", "PC", 7, [15, 1_200], [0.1, 30], ["Monitor", "Docking station", "UPS", "Headset", "Webcam"], ["24-inch", "27-inch", "USB-C", "1500 VA", "wireless", "4K"]),
    m("service", "licences", "EA", 35, [3, 12_000], null, ["Enterprise licence", "Platform subscription", "User licence", "Support contract", "Cloud storage", "API usage package", "Security suite", "Analytics module", "Developer seat", "Backup service"],
      ["1 year", "3 years", "monthly", "Standard", "Premium", "Enterprise"]),
    m("service", "professional_services", "DAY", 20, [300, 15_000], null, ["Implementation", "Consulting", "Training course", "Managed service", "Custom development", "Migration package", "Health check"],
      ["per day", "fixed price", "remote", "on site", "monthly"]),
    m("finished", "devices", "PC", 15, [40, 3_000], [0.05, 6], ["IoT gateway", "Edge appliance", "Smart sensor kit", "Embedded controller"], ["v2", "v3", "Pro", "Lite", "Industrial"]),
  ],
  financial_services: [
    m("service", "banking_services", "EA", 60, [0.5, 2_500], null, ["Current account fee", "Card annual fee", "Wire transfer fee", "FX conversion fee", "Custody fee", "Portfolio management fee", "Loan arrangement fee",
      "Mortgage advisory", "Brokerage commission", "Safe deposit box", "Payroll service", "Merchant acquiring fee", "Trade finance fee", "Letter of credit", "Investment advisory"],
      ["retail", "premium", "business", "corporate", "monthly", "annual", "per transaction", "tier 1", "tier 2"]),
    m("service", "insurance_products", "EA", 30, [20, 6_000], null, ["Home insurance premium", "Motor insurance premium", "Life insurance premium", "Liability cover", "Travel insurance", "Income protection"],
      ["basic", "standard", "comprehensive", "annual", "monthly"]),
    m("trading_goods", "bullion", "PC", 10, [25, 2_400], [0.03, 0.32], ["Gold bar", "Silver coin", "Gold coin", "Platinum bar"], ["1 oz", "10 g", "50 g", "100 g"]),
  ],
};

/** Margin over standard cost (list price = cost x (1 + margin)), per material type. */
export const MARGIN: Record<MaterialType, readonly [number, number]> = {
  raw: [0.05, 0.2],
  semi_finished: [0.15, 0.4],
  finished: [0.25, 0.8],
  trading_goods: [0.2, 0.65],
  service: [0.3, 1.5],
};

/** SAP-style valuation classes. */
export const VALUATION_CLASS: Record<MaterialType, string> = {
  raw: "3000",
  semi_finished: "7900",
  finished: "7920",
  trading_goods: "3100",
  service: "9000",
};

export type AssetClass = "land" | "buildings" | "machinery" | "vehicles" | "it_equipment" | "furniture";

export interface AssetClassSpec {
  /** Useful life range in whole years (0: not depreciated). */
  life: readonly [number, number];
  cost: readonly [number, number];
  /** Salvage value as a share of cost. */
  salvage: readonly [number, number];
  /** Departments whose cost centers hold such assets (first match that exists). */
  departments: readonly string[];
  descriptions: Partial<Record<Industry | "any", readonly string[]>>;
  /** Per-industry weight of the class among the assets. */
  weight: Record<Industry, number>;
}

export const ASSET_CLASSES: Record<AssetClass, AssetClassSpec> = {
  land: {
    life: [0, 0], cost: [150_000, 6_000_000], salvage: [0, 0], departments: ["admin"],
    descriptions: { any: ["Land plot", "Industrial site land", "Parking area land", "Development land"] },
    weight: { manufacturing: 2, retail: 2, healthcare: 2, technology: 1, financial_services: 1 },
  },
  buildings: {
    life: [25, 50], cost: [400_000, 25_000_000], salvage: [0, 0.1], departments: ["admin", "maintenance"],
    descriptions: {
      any: ["Office building", "Warehouse", "Branch office"],
      manufacturing: ["Production hall", "Warehouse", "Office building", "Workshop building"],
      retail: ["Store building", "Distribution center", "Office building"],
      healthcare: ["Clinic building", "Outpatient center", "Laboratory building", "Parking garage"],
      technology: ["Office building", "Data center building"],
      financial_services: ["Head office building", "Branch office", "Operations center"],
    },
    weight: { manufacturing: 6, retail: 8, healthcare: 8, technology: 3, financial_services: 6 },
  },
  machinery: {
    life: [5, 15], cost: [8_000, 1_500_000], salvage: [0, 0.1], departments: ["production", "maintenance", "clinical", "pharmacy", "logistics", "stores", "engineering", "operations"],
    descriptions: {
      any: ["Backup generator", "Air conditioning unit", "Security system"],
      manufacturing: ["CNC milling machine", "CNC lathe", "Injection moulding machine", "Hydraulic press", "Laser cutting machine", "Welding robot", "Assembly line", "Paint shop equipment", "Coordinate measuring machine", "Compressor station"],
      retail: ["Refrigeration unit", "Checkout system", "Shelving system", "Conveyor system", "Cardboard baler", "Freezer cabinet"],
      healthcare: ["MRI scanner", "CT scanner", "X-ray system", "Ultrasound system", "Patient monitoring system", "Surgical robot", "Laboratory analyser", "Sterilizer", "Dialysis machine", "Anaesthesia workstation"],
      technology: ["Server rack cooling system", "Storage array", "Network core switch", "Test equipment", "Clean room equipment"],
      financial_services: ["Automated teller machine", "Cash sorting machine", "Vault system", "Backup generator"],
    },
    weight: { manufacturing: 35, retail: 15, healthcare: 30, technology: 8, financial_services: 8 },
  },
  vehicles: {
    life: [4, 8], cost: [18_000, 180_000], salvage: [0.1, 0.25], departments: ["logistics", "sales", "maintenance", "clinical", "admin"],
    descriptions: {
      any: ["Company car", "Pool car", "Delivery van", "Electric company car"],
      manufacturing: ["Forklift truck", "Delivery van", "Truck 12 t", "Company car", "Electric forklift"],
      retail: ["Delivery van", "Truck 7.5 t", "Refrigerated truck", "Company car"],
      healthcare: ["Ambulance", "Patient transport van", "Company car"],
    },
    weight: { manufacturing: 12, retail: 15, healthcare: 8, technology: 6, financial_services: 6 },
  },
  it_equipment: {
    life: [3, 5], cost: [800, 250_000], salvage: [0, 0], departments: ["it", "engineering", "operations"],
    descriptions: { any: ["Laptop fleet", "Desktop computers", "Server", "Network switches", "Storage system", "Printer fleet", "Video conferencing system", "Firewall cluster", "Tablet fleet", "Wireless network"] },
    weight: { manufacturing: 20, retail: 25, healthcare: 22, technology: 55, financial_services: 50 },
  },
  furniture: {
    life: [8, 13], cost: [1_500, 120_000], salvage: [0, 0.05], departments: ["admin", "stores", "nursing", "sales"],
    descriptions: {
      any: ["Office desks", "Office chairs", "Meeting room furniture", "Reception furniture", "Filing cabinets", "Canteen furniture"],
      retail: ["Store fixtures", "Display shelving", "Fitting room furniture", "Office desks"],
      healthcare: ["Waiting room furniture", "Patient room furniture", "Office desks", "Treatment chairs"],
    },
    weight: { manufacturing: 15, retail: 25, healthcare: 20, technology: 17, financial_services: 25 },
  },
};

export const ASSET_CLASS_ORDER: readonly AssetClass[] = ["land", "buildings", "machinery", "vehicles", "it_equipment", "furniture"];
