/**
 * Chongqing's "一区两群" planning zones: 主城都市区 (the metropolitan area), 渝东北三峡库区城镇群 and 渝东南武陵山区城镇群.
 * Districts in one zone share roads, industry parks and service networks, so a team travels easily within it.
 */
const ZONES: Record<string, string[]> = {
  metro: [
    '500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113', // 中心城区
    '500102', '500110', '500111', '500115', '500116', '500117', '500118', '500119', '500120', '500151', '500152', '500153', // 主城新区
  ],
  northeast: ['500101', '500154', '500155', '500229', '500230', '500231', '500233', '500235', '500236', '500237', '500238'],
  southeast: ['500114', '500156', '500240', '500241', '500242', '500243'],
};

const BY_DISTRICT = new Map(Object.entries(ZONES).flatMap(([zone, codes]) => codes.map((c) => [c, zone] as const)));

export function zoneOf(districtCode: string): string | undefined {
  return BY_DISTRICT.get(districtCode);
}
