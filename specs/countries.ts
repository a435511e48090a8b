// ISO 3166-1 alpha-2: the country codes a company may have. A code outside it (UK, EL) is a
// mistake with a known meaning, said as such instead of silently giving the company no profile
// and no holiday calendar.

const CODES = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(CODES.trim().split(/\s+/));

/** Codes people write that ISO 3166 does not assign to a country: the code they mean, and whose it is. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly [string, string]>> = { UK: ["GB", "the United Kingdom"], EL: ["GR", "Greece"] };

/** The code meant by an alias (UK -> GB), in the case it was written in. */
export function countryAlias(code: string): string | undefined {
  const meant = COUNTRY_ALIASES[code.toUpperCase()]?.[0];
  return meant && (code === code.toLowerCase() ? meant.toLowerCase() : meant);
}

/** What to write instead of an unknown country code. */
export function countryHint(code: string): string {
  const alias = COUNTRY_ALIASES[code.toUpperCase()];
  if (alias) return `did you mean ${countryAlias(code)}? ISO 3166 codes ${alias[1]} as ${alias[0]}`;
  return "use an ISO 3166-1 alpha-2 code such as US, DE, GB, FR, JP";
}
