import { DISTRICTS } from '@jiebang/contracts';

/**
 * Chongqing's "一区两群" zones, as matching-service's engine/zones.ts groups the 38 divisions (a copy: services share
 * libs, not each other's code). 主城都市区 = 中心城区 + 主城新区.
 */
export const REGIONS = [
  { region: 'metro', label: '主城都市区' },
  { region: 'northeast', label: '渝东北' },
  { region: 'southeast', label: '渝东南' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['region'];

const NORTHEAST = ['500101', '500154', '500155', '500229', '500230', '500231', '500233', '500235', '500236', '500237', '500238'];
const SOUTHEAST = ['500114', '500156', '500240', '500241', '500242', '500243'];

export function regionOf(districtCode: string): RegionCode {
  if (NORTHEAST.includes(districtCode)) return 'northeast';
  if (SOUTHEAST.includes(districtCode)) return 'southeast';
  return 'metro';
}

/** A cell of the heat grid is narrow: 秀山土家族苗族自治县 is shown as 秀山县 (the full name stays in `name`). */
export function shortDistrictName(name: string): string {
  return name.replace(/(土家族|苗族)+自治县$/, '县');
}

export const DASHBOARD_DISTRICTS = DISTRICTS.map((d) => ({
  code: d.code as string,
  name: d.name as string,
  shortName: shortDistrictName(d.name),
  region: regionOf(d.code),
}));
