const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Whether a 统一社会信用代码 is well formed: 18 characters of GB 32100's alphabet whose last one is the check character
 * of the first 17. The same rule the service applies (ENTERPRISE_CREDIT_CODE_INVALID), so a typo is caught at once.
 */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = [...code.slice(0, 17)].reduce((acc, c, i) => acc + CHARS.indexOf(c) * WEIGHTS[i], 0);
  return CHARS[(31 - (sum % 31)) % 31] === code[17];
}
