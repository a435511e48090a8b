// Country profiles: cities (with region and postal prefix), streets, legal forms, bank and tax
// id formats, a salary scale and payment-term habits. Templates: '#' a digit, 'A' a letter,
// 'P' the city's postal prefix; anything else is literal.

export type Locale = "en" | "de" | "fr" | "ja" | "intl";

/** [city, region, postal prefix] */
export type City = readonly [string, string, string];

export interface CountryProfile {
  code: string;
  locale: Locale;
  currency: string;
  cities: readonly City[];
  /** Postal code template (P = the city's prefix). */
  postal: string;
  streets: readonly string[];
  /** Street number before the name ("12 High Street") or after ("Hauptstraße 12"). */
  numberFirst: boolean;
  /** Japanese block addresses: "1-2-3 Marunouchi". */
  blockAddress?: boolean;
  /** [legal form, weight] */
  legalForms: readonly (readonly [string, number])[];
  /** Second-level domain used for e-mail addresses. */
  tld: string;
  /** Tax id template; taxPrefix (literal, e.g. the country code) goes before it. */
  taxId: string;
  taxPrefix?: string;
  /** Bank code and account templates; IBAN = country + check digits + bank + account. */
  bankCode: string;
  account: string;
  iban: boolean;
  /** Annual gross salary of a mid-level employee, in `currency` major units. */
  salary: number;
  /** Payment-term codes (see PAYMENT_TERMS) with weights, for business partners. */
  terms: readonly (readonly [string, number])[];
}

const EN_STREETS = [
  "Main Street", "Oak Street", "Maple Avenue", "Park Avenue", "Cedar Lane", "Elm Street", "Washington Street",
  "Lake Drive", "Hill Road", "Pine Street", "Church Street", "Market Street", "River Road", "Industrial Parkway",
  "Commerce Drive", "Sunset Boulevard", "Highland Avenue", "Forest Drive", "Madison Avenue", "Franklin Street",
  "Jefferson Avenue", "Lincoln Way", "Broadway", "Center Street", "Spring Street", "Union Street", "Walnut Street",
  "Technology Drive", "Corporate Boulevard", "Harbor Road",
];

const GB_STREETS = [
  "High Street", "Station Road", "Church Lane", "London Road", "Victoria Road", "Green Lane", "Manor Road",
  "Park Road", "Queens Road", "New Road", "Mill Lane", "King Street", "The Crescent", "Albert Road", "Grange Road",
  "Kingsway", "Castle Street", "Bridge Street", "Richmond Road", "Windsor Road", "Chapel Street", "Oxford Road",
  "Wellington Road", "Springfield Road", "Trinity Street", "Broad Street", "Market Place", "Riverside Way",
  "Enterprise Way", "Harbour Road",
];

const DE_STREETS = [
  "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Lindenstraße",
  "Bergstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Goethestraße", "Schillerstraße", "Friedrichstraße",
  "Am Markt", "Mühlenweg", "Gewerbering", "Hafenstraße", "Kastanienallee", "Rosenweg", "Poststraße",
  "Marktplatz", "Feldstraße", "Birkenweg", "Mozartstraße", "Kantstraße", "Am Hang", "Werkstraße",
  "Im Gewerbepark", "Robert-Bosch-Straße",
];

const CH_STREETS = [
  "Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Seestrasse", "Industriestrasse", "Kirchgasse", "Bergstrasse",
  "Schulhausstrasse", "Poststrasse", "Rue du Marché", "Rue de Lausanne", "Avenue de la Gare", "Zürcherstrasse",
  "Bernstrasse", "Gewerbestrasse", "Mühlegasse", "Rosenweg", "Lindenhofstrasse", "Rue du Rhône", "Via Cantonale",
];

const FR_STREETS = [
  "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue de la Gare",
  "place de l'Église", "rue Pasteur", "avenue de la Libération", "rue du Général de Gaulle", "rue Nationale",
  "rue des Écoles", "chemin des Vignes", "rue de Paris", "avenue Foch", "rue Jules Ferry", "rue du Moulin",
  "boulevard Voltaire", "rue de la Paix", "allée des Tilleuls", "rue des Lilas", "quai de la Loire",
  "avenue des Champs", "rue du Commerce", "zone industrielle des Alouettes", "rue de l'Industrie", "rue Émile Zola",
  "rue Carnot", "avenue du Maréchal Leclerc", "rue Saint-Michel", "rue des Artisans",
];

const JP_DISTRICTS = [
  "Marunouchi", "Nihonbashi", "Shinjuku", "Shibuya", "Minato-Mirai", "Umeda", "Namba", "Sakae", "Tenjin",
  "Shiba", "Akasaka", "Otemachi", "Yaesu", "Kanda", "Ginza", "Shinagawa", "Kitahama", "Honmachi", "Nishiki",
  "Chuo", "Hakata", "Kita", "Higashi", "Minami", "Sannomiya",
];

const INTL_STREETS = [
  "Harbour Street", "Central Avenue", "Station Square", "Market Street", "Park Lane", "Industrial Road",
  "Commerce Street", "Riverside", "Business Park", "Trade Centre", "Main Road", "University Avenue",
  "Airport Road", "Garden Street", "Bridge Road", "Liberty Avenue", "Ocean Drive", "Hill Street",
];

const GENERIC_TERMS = [["NET30", 45], ["NET45", 15], ["NET60", 15], ["2/10NET30", 15], ["NET15", 10]] as const;

export const COUNTRIES: Record<string, CountryProfile> = {
  US: {
    code: "US", locale: "en", currency: "USD", postal: "P##", streets: EN_STREETS, numberFirst: true,
    cities: [
      ["New York", "NY", "100"], ["Los Angeles", "CA", "900"], ["Chicago", "IL", "606"], ["Houston", "TX", "770"],
      ["Phoenix", "AZ", "850"], ["Philadelphia", "PA", "191"], ["San Antonio", "TX", "782"], ["San Diego", "CA", "921"],
      ["Dallas", "TX", "752"], ["Austin", "TX", "787"], ["Jacksonville", "FL", "322"], ["Columbus", "OH", "432"],
      ["Charlotte", "NC", "282"], ["Indianapolis", "IN", "462"], ["Seattle", "WA", "981"], ["Denver", "CO", "802"],
      ["Boston", "MA", "021"], ["Nashville", "TN", "372"], ["Detroit", "MI", "482"], ["Portland", "OR", "972"],
      ["Atlanta", "GA", "303"], ["Miami", "FL", "331"], ["Minneapolis", "MN", "554"], ["Cleveland", "OH", "441"],
      ["Pittsburgh", "PA", "152"], ["St. Louis", "MO", "631"], ["Kansas City", "MO", "641"], ["Salt Lake City", "UT", "841"],
      ["Milwaukee", "WI", "532"], ["Raleigh", "NC", "276"], ["Sacramento", "CA", "958"], ["San Jose", "CA", "951"],
      ["Cincinnati", "OH", "452"], ["Louisville", "KY", "402"], ["Omaha", "NE", "681"], ["Tampa", "FL", "336"],
      ["Baltimore", "MD", "212"], ["Richmond", "VA", "232"], ["Hartford", "CT", "061"], ["Albuquerque", "NM", "871"],
    ],
    legalForms: [["Inc.", 40], ["LLC", 30], ["Corp.", 15], ["Co.", 10], ["LP", 5]],
    tld: "com", taxId: "##-#######", bankCode: "#########", account: "##########", iban: false, salary: 68000,
    terms: [["NET30", 50], ["2/10NET30", 15], ["NET45", 10], ["NET60", 10], ["NET15", 10], ["1/10NET30", 5]],
  },
  GB: {
    code: "GB", locale: "en", currency: "GBP", postal: "P #AA", streets: GB_STREETS, numberFirst: true,
    cities: [
      ["London", "England", "EC1"], ["Manchester", "England", "M1"], ["Birmingham", "England", "B1"],
      ["Leeds", "England", "LS1"], ["Glasgow", "Scotland", "G1"], ["Edinburgh", "Scotland", "EH1"],
      ["Liverpool", "England", "L1"], ["Bristol", "England", "BS1"], ["Sheffield", "England", "S1"],
      ["Cardiff", "Wales", "CF10"], ["Belfast", "Northern Ireland", "BT1"], ["Nottingham", "England", "NG1"],
      ["Leicester", "England", "LE1"], ["Newcastle upon Tyne", "England", "NE1"], ["Southampton", "England", "SO14"],
      ["Reading", "England", "RG1"], ["Cambridge", "England", "CB2"], ["Oxford", "England", "OX1"],
      ["Aberdeen", "Scotland", "AB10"], ["Coventry", "England", "CV1"], ["Milton Keynes", "England", "MK9"],
      ["Brighton", "England", "BN1"], ["York", "England", "YO1"], ["Norwich", "England", "NR1"],
      ["Swansea", "Wales", "SA1"], ["Derby", "England", "DE1"], ["Plymouth", "England", "PL1"],
      ["Exeter", "England", "EX1"], ["Dundee", "Scotland", "DD1"], ["Stoke-on-Trent", "England", "ST1"],
    ],
    legalForms: [["Ltd", 55], ["Limited", 20], ["PLC", 10], ["LLP", 10], ["& Co. Ltd", 5]],
    tld: "co.uk", taxId: "GB#########", bankCode: "AAAA######", account: "########", iban: true, salary: 42000,
    terms: [["NET30", 55], ["NET60", 15], ["NET45", 10], ["NET14", 10], ["2/10NET30", 10]],
  },
  DE: {
    code: "DE", locale: "de", currency: "EUR", postal: "P###", streets: DE_STREETS, numberFirst: false,
    cities: [
      ["Berlin", "BE", "10"], ["Hamburg", "HH", "20"], ["München", "BY", "80"], ["Köln", "NW", "50"],
      ["Frankfurt am Main", "HE", "60"], ["Stuttgart", "BW", "70"], ["Düsseldorf", "NW", "40"], ["Leipzig", "SN", "04"],
      ["Dortmund", "NW", "44"], ["Essen", "NW", "45"], ["Bremen", "HB", "28"], ["Dresden", "SN", "01"],
      ["Hannover", "NI", "30"], ["Nürnberg", "BY", "90"], ["Duisburg", "NW", "47"], ["Bochum", "NW", "44"],
      ["Wuppertal", "NW", "42"], ["Bielefeld", "NW", "33"], ["Bonn", "NW", "53"], ["Münster", "NW", "48"],
      ["Mannheim", "BW", "68"], ["Karlsruhe", "BW", "76"], ["Augsburg", "BY", "86"], ["Wiesbaden", "HE", "65"],
      ["Mainz", "RP", "55"], ["Kiel", "SH", "24"], ["Aachen", "NW", "52"], ["Freiburg im Breisgau", "BW", "79"],
      ["Regensburg", "BY", "93"], ["Ulm", "BW", "89"], ["Wolfsburg", "NI", "38"], ["Heilbronn", "BW", "74"],
    ],
    legalForms: [["GmbH", 55], ["GmbH & Co. KG", 15], ["AG", 10], ["KG", 8], ["e.K.", 7], ["OHG", 5]],
    tld: "de", taxId: "DE#########", bankCode: "########", account: "##########", iban: true, salary: 56000,
    terms: [["NET30", 40], ["2/14NET30", 25], ["NET14", 15], ["3/10NET30", 5], ["NET60", 10], ["NET45", 5]],
  },
  FR: {
    code: "FR", locale: "fr", currency: "EUR", postal: "P##0", streets: FR_STREETS, numberFirst: true,
    cities: [
      ["Paris", "Île-de-France", "75"], ["Marseille", "Provence-Alpes-Côte d'Azur", "13"], ["Lyon", "Auvergne-Rhône-Alpes", "69"],
      ["Toulouse", "Occitanie", "31"], ["Nice", "Provence-Alpes-Côte d'Azur", "06"], ["Nantes", "Pays de la Loire", "44"],
      ["Strasbourg", "Grand Est", "67"], ["Montpellier", "Occitanie", "34"], ["Bordeaux", "Nouvelle-Aquitaine", "33"],
      ["Lille", "Hauts-de-France", "59"], ["Rennes", "Bretagne", "35"], ["Reims", "Grand Est", "51"],
      ["Le Havre", "Normandie", "76"], ["Saint-Étienne", "Auvergne-Rhône-Alpes", "42"], ["Toulon", "Provence-Alpes-Côte d'Azur", "83"],
      ["Grenoble", "Auvergne-Rhône-Alpes", "38"], ["Dijon", "Bourgogne-Franche-Comté", "21"], ["Angers", "Pays de la Loire", "49"],
      ["Nîmes", "Occitanie", "30"], ["Clermont-Ferrand", "Auvergne-Rhône-Alpes", "63"], ["Le Mans", "Pays de la Loire", "72"],
      ["Aix-en-Provence", "Provence-Alpes-Côte d'Azur", "13"], ["Brest", "Bretagne", "29"], ["Tours", "Centre-Val de Loire", "37"],
      ["Amiens", "Hauts-de-France", "80"], ["Limoges", "Nouvelle-Aquitaine", "87"], ["Metz", "Grand Est", "57"],
      ["Besançon", "Bourgogne-Franche-Comté", "25"], ["Orléans", "Centre-Val de Loire", "45"], ["Rouen", "Normandie", "76"],
    ],
    legalForms: [["SAS", 45], ["SARL", 25], ["SA", 15], ["SASU", 10], ["EURL", 5]],
    tld: "fr", taxId: "FR", bankCode: "##########", account: "###########", iban: true, salary: 44000,
    terms: [["NET30", 35], ["NET45", 25], ["NET60", 30], ["2/10NET45", 10]],
  },
  JP: {
    code: "JP", locale: "ja", currency: "JPY", postal: "P-####", streets: JP_DISTRICTS, numberFirst: true, blockAddress: true,
    cities: [
      ["Tokyo", "Tokyo", "100"], ["Yokohama", "Kanagawa", "220"], ["Osaka", "Osaka", "530"], ["Nagoya", "Aichi", "450"],
      ["Sapporo", "Hokkaido", "060"], ["Fukuoka", "Fukuoka", "810"], ["Kobe", "Hyogo", "650"], ["Kawasaki", "Kanagawa", "210"],
      ["Kyoto", "Kyoto", "600"], ["Saitama", "Saitama", "330"], ["Hiroshima", "Hiroshima", "730"], ["Sendai", "Miyagi", "980"],
      ["Chiba", "Chiba", "260"], ["Kitakyushu", "Fukuoka", "802"], ["Sakai", "Osaka", "590"], ["Niigata", "Niigata", "950"],
      ["Hamamatsu", "Shizuoka", "430"], ["Kumamoto", "Kumamoto", "860"], ["Sagamihara", "Kanagawa", "252"],
      ["Shizuoka", "Shizuoka", "420"], ["Okayama", "Okayama", "700"], ["Kanazawa", "Ishikawa", "920"],
      ["Utsunomiya", "Tochigi", "320"], ["Matsuyama", "Ehime", "790"], ["Toyota", "Aichi", "471"],
    ],
    legalForms: [["Co., Ltd.", 55], ["K.K.", 20], ["Corporation", 15], ["Inc.", 10]],
    tld: "co.jp", taxId: "T#############", bankCode: "####-###", account: "#######", iban: false, salary: 5_200_000,
    terms: [["NET60", 35], ["NET30", 25], ["EOM30", 20], ["NET90", 15], ["EOM60", 5]],
  },
  CH: {
    code: "CH", locale: "de", currency: "CHF", postal: "P##", streets: CH_STREETS, numberFirst: false,
    cities: [
      ["Zürich", "ZH", "80"], ["Genève", "GE", "12"], ["Basel", "BS", "40"], ["Lausanne", "VD", "10"], ["Bern", "BE", "30"],
      ["Winterthur", "ZH", "84"], ["Luzern", "LU", "60"], ["St. Gallen", "SG", "90"], ["Lugano", "TI", "69"],
      ["Biel/Bienne", "BE", "25"], ["Thun", "BE", "36"], ["Fribourg", "FR", "17"], ["Schaffhausen", "SH", "82"],
      ["Chur", "GR", "70"], ["Neuchâtel", "NE", "20"], ["Zug", "ZG", "63"], ["Sion", "VS", "19"], ["Aarau", "AG", "50"],
      ["Baden", "AG", "54"], ["Olten", "SO", "46"],
    ],
    legalForms: [["AG", 50], ["GmbH", 30], ["SA", 15], ["Sàrl", 5]],
    tld: "ch", taxId: "CHE-###.###.###", bankCode: "#####", account: "############", iban: true, salary: 98000,
    terms: [["NET30", 60], ["2/10NET30", 15], ["NET60", 10], ["NET10", 15]],
  },
};

const intl = (
  code: string, currency: string, cities: City[], legalForms: [string, number][], tld: string,
  bank: string, account: string, iban: boolean, salary: number,
): CountryProfile => ({
  code, locale: "intl", currency, cities, postal: "P###", streets: INTL_STREETS, numberFirst: false, legalForms, tld,
  taxId: "#########", taxPrefix: code, bankCode: bank, account, iban, salary, terms: GENERIC_TERMS,
});

// Fallback profiles: plausible cities and formats for other common countries (intl names).
Object.assign(COUNTRIES, {
  NL: intl("NL", "EUR", [["Amsterdam", "NH", "10"], ["Rotterdam", "ZH", "30"], ["Den Haag", "ZH", "25"], ["Utrecht", "UT", "35"], ["Eindhoven", "NB", "56"]], [["B.V.", 80], ["N.V.", 20]], "nl", "AAAA", "##########", true, 52000),
  IT: intl("IT", "EUR", [["Milano", "MI", "20"], ["Roma", "RM", "00"], ["Torino", "TO", "10"], ["Bologna", "BO", "40"], ["Napoli", "NA", "80"]], [["S.r.l.", 70], ["S.p.A.", 30]], "it", "A##########", "############", true, 34000),
  ES: intl("ES", "EUR", [["Madrid", "M", "28"], ["Barcelona", "B", "08"], ["Valencia", "V", "46"], ["Sevilla", "SE", "41"], ["Bilbao", "BI", "48"]], [["S.L.", 70], ["S.A.", 30]], "es", "########", "############", true, 30000),
  AT: intl("AT", "EUR", [["Wien", "W", "10"], ["Graz", "ST", "80"], ["Linz", "OÖ", "40"], ["Salzburg", "S", "50"], ["Innsbruck", "T", "60"]], [["GmbH", 75], ["AG", 25]], "at", "#####", "###########", true, 50000),
  BE: intl("BE", "EUR", [["Bruxelles", "BRU", "10"], ["Antwerpen", "VAN", "20"], ["Gent", "VOV", "90"], ["Liège", "WLG", "40"], ["Brugge", "VWV", "80"]], [["NV", 40], ["BV", 40], ["SRL", 20]], "be", "###", "#########", true, 50000),
  SE: intl("SE", "SEK", [["Stockholm", "AB", "11"], ["Göteborg", "O", "41"], ["Malmö", "M", "21"], ["Uppsala", "C", "75"], ["Linköping", "E", "58"]], [["AB", 100]], "se", "###", "#################", true, 480000),
  PL: intl("PL", "PLN", [["Warszawa", "MZ", "00"], ["Kraków", "MA", "30"], ["Wrocław", "DS", "50"], ["Poznań", "WP", "60"], ["Gdańsk", "PM", "80"]], [["Sp. z o.o.", 75], ["S.A.", 25]], "pl", "########", "################", true, 100000),
  IE: intl("IE", "EUR", [["Dublin", "D", "D0"], ["Cork", "CO", "T1"], ["Galway", "G", "H9"], ["Limerick", "LK", "V9"]], [["Ltd", 80], ["DAC", 20]], "ie", "AAAA######", "########", true, 50000),
  CA: intl("CA", "CAD", [["Toronto", "ON", "M5"], ["Montréal", "QC", "H2"], ["Vancouver", "BC", "V6"], ["Calgary", "AB", "T2"], ["Ottawa", "ON", "K1"]], [["Inc.", 60], ["Ltd.", 40]], "ca", "#####-###", "#######", false, 65000),
  AU: intl("AU", "AUD", [["Sydney", "NSW", "20"], ["Melbourne", "VIC", "30"], ["Brisbane", "QLD", "40"], ["Perth", "WA", "60"], ["Adelaide", "SA", "50"]], [["Pty Ltd", 85], ["Ltd", 15]], "com.au", "###-###", "#########", false, 85000),
  CN: intl("CN", "CNY", [["Shanghai", "SH", "200"], ["Beijing", "BJ", "100"], ["Shenzhen", "GD", "518"], ["Guangzhou", "GD", "510"], ["Suzhou", "JS", "215"]], [["Co., Ltd.", 100]], "cn", "############", "###################", false, 150000),
  IN: intl("IN", "INR", [["Mumbai", "MH", "400"], ["Bengaluru", "KA", "560"], ["New Delhi", "DL", "110"], ["Chennai", "TN", "600"], ["Pune", "MH", "411"]], [["Pvt. Ltd.", 80], ["Ltd.", 20]], "in", "AAAA0######", "############", false, 900000),
  BR: intl("BR", "BRL", [["São Paulo", "SP", "01"], ["Rio de Janeiro", "RJ", "20"], ["Belo Horizonte", "MG", "30"], ["Curitiba", "PR", "80"], ["Porto Alegre", "RS", "90"]], [["Ltda.", 70], ["S.A.", 30]], "com.br", "###-####", "########", false, 70000),
  MX: intl("MX", "MXN", [["Ciudad de México", "CDMX", "06"], ["Monterrey", "NL", "64"], ["Guadalajara", "JAL", "44"], ["Puebla", "PUE", "72"], ["Querétaro", "QRO", "76"]], [["S.A. de C.V.", 80], ["S. de R.L. de C.V.", 20]], "com.mx", "###", "##############", false, 250000),
  SG: intl("SG", "SGD", [["Singapore", "SG", "01"], ["Jurong", "SG", "60"], ["Woodlands", "SG", "73"]], [["Pte. Ltd.", 100]], "com.sg", "####-###", "##########", false, 70000),
});

/** The fallback for a country synth has no profile for: international names, its own code. */
export function countryProfile(code: string): CountryProfile {
  return COUNTRIES[code] ?? intl(code, "USD", [["Capital City", "", "10"], ["Harbour City", "", "20"], ["Lakeside", "", "30"]], [["Ltd.", 70], ["Inc.", 30]], "com", "########", "##########", false, 45000);
}

/** Where business partners abroad come from: the main locales, then the fallback profiles. */
export const PARTNER_COUNTRIES: readonly (readonly [string, number])[] = [
  ["US", 20], ["DE", 16], ["GB", 10], ["FR", 9], ["JP", 8], ["CH", 6], ["NL", 6], ["IT", 5], ["CN", 6], ["CA", 3],
  ["ES", 3], ["PL", 3], ["AT", 2], ["IN", 3],
];

export interface PaymentTerm {
  code: string;
  /** Net days (end-of-month terms: days after the end of the invoice month). */
  days: number;
  discountPercent: string;
  discountDays: number;
}

/** Codes: NETn (due in n days), p/dNETn (p% discount within d days), EOMn (n days after month end). */
export const PAYMENT_TERMS: Record<string, PaymentTerm> = {
  IMMEDIATE: { code: "IMMEDIATE", days: 0, discountPercent: "0.00", discountDays: 0 },
  NET10: { code: "NET10", days: 10, discountPercent: "0.00", discountDays: 0 },
  NET14: { code: "NET14", days: 14, discountPercent: "0.00", discountDays: 0 },
  NET15: { code: "NET15", days: 15, discountPercent: "0.00", discountDays: 0 },
  NET30: { code: "NET30", days: 30, discountPercent: "0.00", discountDays: 0 },
  NET45: { code: "NET45", days: 45, discountPercent: "0.00", discountDays: 0 },
  NET60: { code: "NET60", days: 60, discountPercent: "0.00", discountDays: 0 },
  NET90: { code: "NET90", days: 90, discountPercent: "0.00", discountDays: 0 },
  EOM30: { code: "EOM30", days: 30, discountPercent: "0.00", discountDays: 0 },
  EOM60: { code: "EOM60", days: 60, discountPercent: "0.00", discountDays: 0 },
  "1/10NET30": { code: "1/10NET30", days: 30, discountPercent: "1.00", discountDays: 10 },
  "2/10NET30": { code: "2/10NET30", days: 30, discountPercent: "2.00", discountDays: 10 },
  "2/14NET30": { code: "2/14NET30", days: 30, discountPercent: "2.00", discountDays: 14 },
  "3/10NET30": { code: "3/10NET30", days: 30, discountPercent: "3.00", discountDays: 10 },
  "2/10NET45": { code: "2/10NET45", days: 45, discountPercent: "2.00", discountDays: 10 },
};
