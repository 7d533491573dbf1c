import vocabulary from './generated/vocabulary.json';

const fieldNames = new Map(vocabulary.fields.map((f) => [f.code, f.name]));
const districtNames = new Map(vocabulary.districts.map((d) => [d.code, d.name]));

export const FIELD_OPTIONS = vocabulary.fields.map((f) => ({ value: f.code, label: f.name }));

export const fieldName = (code: string): string => fieldNames.get(code) ?? code;
export const districtName = (code: string | null | undefined): string => (code ? (districtNames.get(code) ?? code) : '—');
export const roleName = (role: string): string => (vocabulary.roles as Record<string, string>)[role] ?? role;

/** Money is integer yuan on the wire; people read 万元. */
export const toWan = (yuan: number): string => `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;
export const wanToYuan = (wan: unknown): number => Math.round(Number(wan) * 10_000);
