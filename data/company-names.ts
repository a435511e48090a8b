// Parts that combine into business names: coined brand stems, regional prefixes and trade
// words per vendor category and locale. Combinations give many thousands of distinct names;
// none is meant to be a real company.
import type { Locale } from "./countries.ts";

/** Coined stems: START + END ("Velmora", "Quintrix"). */
export const COINED_START: readonly string[] = [
  "Vel", "Quin", "Tor", "Zan", "Mer", "Cal", "Bren", "Dar", "Fen", "Gal", "Hal", "Jor", "Kel", "Lor", "Mar",
  "Nor", "Oda", "Pel", "Ral", "Sar", "Tal", "Ulm", "Var", "Wen", "Yar", "Zel", "Arv", "Bel", "Cor", "Del",
  "Elm", "Fal", "Gren", "Hest", "Ister", "Kam", "Lum", "Mon", "Nev", "Orl", "Prax", "Quel", "Ros", "Sel", "Tern",
];

export const COINED_END: readonly string[] = [
  "mora", "trix", "vanta", "lyn", "dex", "ora", "ion", "ara", "ent", "etta", "ovia", "ium", "istra", "acon",
  "evo", "ada", "uno", "ira", "eon", "aris", "ento", "ivo", "ox", "ux", "ulon", "ander", "ello", "wick",
];

export const GEO_PREFIX: Record<Locale, readonly string[]> = {
  en: ["Northern", "Southern", "Eastern", "Western", "Pacific", "Atlantic", "Midwest", "Great Lakes", "Summit", "Valley",
    "Riverside", "Highland", "Coastal", "Prairie", "Granite", "Pinecrest", "Redwood", "Silverline", "Bluewater", "Ironbridge",
    "Oakridge", "Stonegate", "Harbor", "Crown", "Meridian", "Keystone", "Liberty", "Frontier", "Heritage", "Evergreen"],
  de: ["Nord", "Süd", "West", "Ost", "Rhein", "Main", "Elbe", "Alpen", "Donau", "Weser", "Taunus", "Harz", "Spree",
    "Ruhr", "Bodensee", "Schwarzwald", "Mosel", "Neckar", "Isar", "Allgäu"],
  fr: ["Atlantique", "Méditerranée", "Alpes", "Provence", "Bretagne", "Normandie", "Loire", "Rhône", "Aquitaine",
    "Val de Seine", "Vosges", "Jura", "Garonne", "Océane", "Azur", "Pyrénées", "Champagne", "Bourgogne"],
  ja: ["Kanto", "Kansai", "Chubu", "Kyushu", "Tohoku", "Hokuriku", "Chugoku", "Shikoku", "Tokai", "Nippon", "Asahi",
    "Fuji", "Sakura", "Minato", "Daiichi", "Taiyo", "Hikari", "Yamato"],
  intl: ["Global", "Continental", "International", "Euro", "Trans", "Orient", "Nordic", "Baltic", "Iberia", "Alpine",
    "Central", "United", "Pan", "Atlas", "Polar", "Delta"],
};

/** Trade words per vendor / customer category, per locale (missing locales fall back to en). */
export const TRADE_WORDS: Record<string, Partial<Record<Locale, readonly string[]>>> = {
  raw_materials: {
    en: ["Metals", "Materials", "Alloys", "Polymers", "Chemicals", "Steel", "Resources", "Plastics"],
    de: ["Metallhandel", "Stahlhandel", "Kunststoffe", "Chemie", "Werkstoffe", "Rohstoffe", "Metallwerke"],
    fr: ["Métaux", "Aciers", "Matériaux", "Chimie", "Plastiques", "Alliages"],
    ja: ["Kinzoku", "Kagaku", "Tekko", "Shizai", "Jushi"],
  },
  components: {
    en: ["Components", "Precision Parts", "Fasteners", "Electronics", "Bearings", "Hydraulics", "Castings", "Machining"],
    de: ["Präzisionsteile", "Zerspanungstechnik", "Elektronik", "Antriebstechnik", "Hydraulik", "Gießerei", "Feinmechanik"],
    fr: ["Composants", "Mécanique de Précision", "Électronique", "Fonderie", "Hydraulique", "Décolletage"],
    ja: ["Seimitsu", "Denshi", "Buhin", "Seisakusho", "Kiko", "Chuzo"],
  },
  packaging: {
    en: ["Packaging", "Containers", "Box & Carton", "Labels", "Pack Solutions"],
    de: ["Verpackung", "Kartonagen", "Etiketten", "Verpackungstechnik"],
    fr: ["Emballages", "Cartonnages", "Étiquettes", "Conditionnement"],
    ja: ["Shiki", "Hoso", "Danboru"],
  },
  logistics: {
    en: ["Logistics", "Freight", "Transport", "Shipping", "Express", "Haulage", "Distribution", "Cargo"],
    de: ["Logistik", "Spedition", "Transporte", "Frachtdienst", "Kurierdienst", "Lagerlogistik"],
    fr: ["Transports", "Logistique", "Fret", "Messagerie", "Affrètement"],
    ja: ["Butsuryu", "Unyu", "Soko", "Kaiun", "Haiso"],
  },
  utilities: {
    en: ["Energy", "Power", "Utilities", "Water", "Gas & Electric"],
    de: ["Stadtwerke", "Energie", "Energieversorgung", "Wasserwerke"],
    fr: ["Énergie", "Électricité", "Eaux", "Services Énergétiques"],
    ja: ["Denryoku", "Gasu", "Enerugi", "Suido"],
  },
  maintenance: {
    en: ["Maintenance", "Industrial Services", "Repair", "Mechanical Services", "Facility Engineering"],
    de: ["Instandhaltung", "Industrieservice", "Anlagenbau", "Wartungsdienst", "Maschinenservice"],
    fr: ["Maintenance", "Services Industriels", "Réparation", "Mécanique"],
    ja: ["Setsubi", "Kogyo", "Mentenansu", "Koji"],
  },
  professional_services: {
    en: ["Consulting", "Advisory", "Partners", "Associates", "Legal", "Audit", "Management Consultants"],
    de: ["Beratung", "Consulting", "Partner", "Rechtsanwälte", "Wirtschaftsprüfung", "Steuerberatung"],
    fr: ["Conseil", "Associés", "Avocats", "Expertise Comptable", "Audit"],
    ja: ["Consulting", "Kansa", "Horitsu Jimusho", "Keiei Kenkyujo"],
  },
  it: {
    en: ["Systems", "IT Solutions", "Networks", "Data", "Technologies", "Digital", "Computing"],
    de: ["Systemhaus", "IT-Service", "Datentechnik", "Netzwerke", "Informatik", "Digital"],
    fr: ["Informatique", "Systèmes", "Réseaux", "Numérique", "Services Informatiques"],
    ja: ["Joho System", "Densan", "Data", "Network", "Software"],
  },
  software: {
    en: ["Software", "Apps", "Labs", "Cloudworks", "Analytics", "Code"],
    de: ["Software", "Softwarehaus", "Labs", "Analytics"],
    fr: ["Logiciels", "Software", "Labs", "Solutions Numériques"],
    ja: ["Software", "Systems", "Labs"],
  },
  cloud: { en: ["Cloud", "Hosting", "Datacenter", "Cloud Services", "Compute"] },
  hardware: {
    en: ["Hardware", "Computers", "Devices", "Electronics", "Microsystems"],
    de: ["Computertechnik", "Hardware", "Elektronik", "Gerätebau"],
    fr: ["Matériel Informatique", "Électronique", "Équipements"],
    ja: ["Denki", "Denshi", "Kiki"],
  },
  marketing: {
    en: ["Media", "Marketing", "Creative", "Advertising", "Communications", "Brand Studio"],
    de: ["Werbeagentur", "Media", "Kommunikation", "Marketing", "Druckerei"],
    fr: ["Communication", "Publicité", "Médias", "Agence Créative", "Imprimerie"],
    ja: ["Kokoku", "Media", "Insatsu", "Kikaku"],
  },
  facilities: {
    en: ["Facility Services", "Cleaning", "Property", "Security", "Building Services", "Real Estate"],
    de: ["Gebäudereinigung", "Facility Management", "Immobilien", "Sicherheitsdienst", "Hausverwaltung"],
    fr: ["Nettoyage", "Immobilier", "Sécurité", "Services aux Bâtiments", "Gestion Immobilière"],
    ja: ["Biru Kanri", "Fudosan", "Keibi", "Seiso"],
  },
  office_supplies: {
    en: ["Office Supply", "Stationers", "Office Solutions", "Workplace"],
    de: ["Bürobedarf", "Büroeinrichtung", "Papierhandel", "Bürotechnik"],
    fr: ["Fournitures de Bureau", "Papeterie", "Bureautique"],
    ja: ["Jimuki", "Bunbogu", "Office"],
  },
  merchandise: {
    en: ["Trading", "Wholesale", "Brands", "Goods", "Imports", "Merchandising", "Supply"],
    de: ["Großhandel", "Handelsgesellschaft", "Import", "Vertrieb", "Warenhandel"],
    fr: ["Négoce", "Distribution", "Import", "Grossiste", "Commerce"],
    ja: ["Shoji", "Tsusho", "Bussan", "Oroshi"],
  },
  medical_supplies: {
    en: ["Medical Supply", "Healthcare Products", "Surgical", "MedSupply", "Clinical Products"],
    de: ["Medizintechnik", "Medizinbedarf", "Klinikbedarf", "Sanitätshaus"],
    fr: ["Fournitures Médicales", "Matériel Médical", "Médical"],
    ja: ["Iryo Kiki", "Iyakuhin", "Medical"],
  },
  pharmaceuticals: {
    en: ["Pharma", "Pharmaceuticals", "Therapeutics", "Biologics", "Laboratories"],
    de: ["Pharma", "Arzneimittel", "Pharmahandel", "Biotech"],
    fr: ["Pharma", "Laboratoires", "Pharmaceutique", "Biotech"],
    ja: ["Seiyaku", "Yakuhin", "Pharma"],
  },
  medical_equipment: {
    en: ["Medical Systems", "Imaging", "Diagnostics", "Biomedical"],
    de: ["Medizinsysteme", "Diagnostik", "Labortechnik"],
    fr: ["Systèmes Médicaux", "Imagerie", "Diagnostic"],
    ja: ["Iryo System", "Shindan", "Kiki"],
  },
  laboratory: {
    en: ["Lab Services", "Diagnostics Lab", "Analytical", "Scientific"],
    de: ["Labor", "Laborservice", "Analytik"],
    fr: ["Laboratoire", "Analyses", "Biologie Médicale"],
    ja: ["Kensa", "Bunseki", "Kenkyujo"],
  },
  data_services: { en: ["Data", "Market Data", "Information Services", "Ratings", "Research", "Analytics"] },
  staffing: {
    en: ["Staffing", "Talent", "Recruitment", "Workforce Solutions"],
    de: ["Personaldienstleistungen", "Zeitarbeit", "Personalberatung"],
    fr: ["Intérim", "Recrutement", "Ressources Humaines"],
    ja: ["Jinzai", "Haken", "Staff Service"],
  },
  // Customer-side trades (B2B customers).
  industrial: {
    en: ["Industries", "Manufacturing", "Engineering", "Works", "Fabrication", "Machinery"],
    de: ["Maschinenbau", "Industriewerke", "Anlagenbau", "Fahrzeugtechnik", "Metallbau", "Werke"],
    fr: ["Industries", "Construction Mécanique", "Ateliers", "Ingénierie"],
    ja: ["Kogyo", "Jukogyo", "Seisakusho", "Kikai"],
  },
  retail_trade: {
    en: ["Stores", "Retail", "Market", "Outlets", "Shops", "Home & Garden"],
    de: ["Warenhaus", "Markt", "Einzelhandel", "Fachhandel", "Handelshaus"],
    fr: ["Magasins", "Distribution", "Boutiques", "Hypermarchés"],
    ja: ["Shoten", "Store", "Hyakkaten", "Mart"],
  },
  health_provider: {
    en: ["Health System", "Medical Center", "Clinic", "Care Group", "Hospital"],
    de: ["Klinikum", "Praxisklinik", "Gesundheitszentrum", "Pflegedienst"],
    fr: ["Clinique", "Centre Médical", "Hôpital Privé", "Santé"],
    ja: ["Byoin", "Clinic", "Iryo Hojin"],
  },
  insurance: {
    en: ["Insurance", "Mutual", "Health Plan", "Assurance"],
    de: ["Versicherung", "Krankenkasse", "Versicherungsverein"],
    fr: ["Assurances", "Mutuelle", "Prévoyance"],
    ja: ["Hoken", "Kyosai"],
  },
  finance: {
    en: ["Capital", "Holdings", "Investments", "Asset Management", "Bancorp", "Financial"],
    de: ["Beteiligungen", "Holding", "Vermögensverwaltung", "Finanz", "Kapital"],
    fr: ["Capital", "Gestion", "Finance", "Participations", "Investissements"],
    ja: ["Shoken", "Toshi", "Holdings", "Finance"],
  },
  tech_firm: {
    en: ["Technologies", "Software", "Digital", "Systems", "Networks", "Labs"],
    de: ["Technologies", "Softwarehaus", "Digital", "Systemtechnik"],
    fr: ["Technologies", "Numérique", "Systèmes", "Logiciels"],
    ja: ["Technologies", "Joho", "System"],
  },
  public: {
    en: ["County Services", "Municipal Authority", "School District", "Public Works"],
    de: ["Stadtverwaltung", "Landesbetrieb", "Kommunalbetriebe", "Zweckverband"],
    fr: ["Communauté d'Agglomération", "Régie Municipale", "Syndicat Intercommunal"],
    ja: ["Koeki", "Jigyodan", "Kosha"],
  },
};
