// Personal data in anything that leaves the secretariat: contact details of deputies, and phone
// numbers, ID card numbers, e-mail addresses and deputies' names inside free text (domain.md §6).

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const ID_CARD = /\d{17}[\dXx]/g;
const MOBILE = /1\d{10}/g;

/** 13812345678 → 138****1234; other numbers keep only their last four digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}

/**
 * Masks free text for the public. E-mail goes first (an address may hold a phone number), then ID
 * numbers (18 digits, which would otherwise read as a phone number plus digits). Names are the
 * deputies of the item: a reply letter usually opens with "××代表：".
 */
export function maskText(text: string, names: string[] = []): string {
  let out = text
    .replace(EMAIL, (m) => maskEmail(m)!)
    .replace(ID_CARD, (m) => `${m.slice(0, 3)}${'*'.repeat(11)}${m.slice(-4)}`)
    .replace(MOBILE, (m) => maskPhone(m)!);
  // Longest first, so "王小明" is not left as "×××明" by a co-signer called "王小".
  for (const name of [...new Set(names)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join('×××');
  }
  return out;
}
