import { z } from 'zod';

/**
 * Technology fields (领域) used to tag challenges, orders and candidate profiles.
 * Drawn from Chongqing's "416" layout and "33618" industry clusters; the matcher scores overlap on these codes.
 */
export const FIELDS = [
  { code: 'auto-nev', name: '智能网联新能源汽车' },
  { code: 'electronics', name: '新一代电子信息制造' },
  { code: 'advanced-materials', name: '先进材料' },
  { code: 'light-metal', name: '轻金属与合金' },
  { code: 'intelligent-equipment', name: '智能装备与智能制造' },
  { code: 'industrial-internet', name: '工业互联网' },
  { code: 'ai-software', name: '人工智能与软件' },
  { code: 'biomedicine', name: '生物医药' },
  { code: 'medical-devices', name: '医疗器械' },
  { code: 'new-energy', name: '新能源与储能' },
  { code: 'green-low-carbon', name: '绿色低碳与节能环保' },
  { code: 'chemicals', name: '化工与天然气化工' },
  { code: 'modern-agriculture', name: '现代农业与畜牧' },
  { code: 'food-processing', name: '食品及农产品加工' },
  { code: 'consumer-goods', name: '消费品工业' },
  { code: 'construction', name: '建筑与山地城镇' },
  { code: 'ecology-geology', name: '生态保护与地质灾害防治' },
] as const;

export type FieldCode = (typeof FIELDS)[number]['code'];
export const FIELD_CODES = FIELDS.map((f) => f.code) as [FieldCode, ...FieldCode[]];
export const fieldCodeSchema = z.enum(FIELD_CODES);
