/**
 * The last line of defence for personal data and credentials in logs: whatever a log call carries (an error message
 * quoting a request, a driver echoing a query parameter), the written line has no bearer token, password, phone number
 * or e-mail address. Field-level redaction (pino `redact`) covers the known places; this covers the rest, by shape.
 */
const RULES: [RegExp, string][] = [
  // JSON Web Tokens (header.payload.signature, base64url; the header always starts with {" → eyJ).
  [/eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, '[Redacted:token]'],
  // Credential-named fields, in JSON ("password":"…") and in query strings (password=…).
  [/("(?:password|passwd|pwd|secret|client_secret|access_token|refresh_token|id_token|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[Redacted]"'],
  [/\b((?:password|passwd|pwd|client_secret|access_token|refresh_token|id_token)=)[^&\s"]+/gi, '$1[Redacted]'],
  // E-mail addresses.
  [/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, '[Redacted:email]'],
  // Mainland mobile numbers (optionally +86), and landlines written with their area code (023-6xxxxxxx).
  [/(?<![\d\w-])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, '[Redacted:phone]'],
  [/(?<![\d\w-])0\d{2,3}-\d{7,8}(?!\d)/g, '[Redacted:phone]'],
];

export function scrubLogLine(line: string): string {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
