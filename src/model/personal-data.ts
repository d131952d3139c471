// What looks like data that identifies a person, in free text (reports.md §4): a CPR number
// (DDMMYY-XXXX or DDMMYYXXXX with a real date), a Danish phone number (8 digits starting 2–9,
// optionally after +45 or 0045, unbroken or grouped 2-2-2-2 or 4-4, not touching other digits;
// the short numbers 112, 114 and 1813 are fine) or an e-mail address.

export type PersonalDataKind = 'cpr' | 'phone' | 'email';

const CPR = /(?<![\d-])(\d{2})(\d{2})(\d{2})-?\d{4}(?![\d-])/g;
const PHONE = /(?<![\d+]|\d[ \u00a0-])(?:(?:\+|00)45[ \u00a0]?)?(?:[2-9]\d{7}|[2-9]\d(?:[ \u00a0]\d{2}){3}|[2-9]\d{3}[ \u00a0]\d{4})(?![ \u00a0-]?\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** True when DD MM YY is a real date in 19YY or 20YY (CPR numbers carry no century). */
function isCprDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap(1900 + year) || leap(2000 + year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** The kinds of personal data found in `text`, each once, in a fixed order. */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  // A CPR number is not also reported as a phone number.
  const withoutCpr = text.replace(CPR, (match, day: string, month: string, year: string) => {
    if (!isCprDate(Number(day), Number(month), Number(year))) return match;
    found.add('cpr');
    return ' ';
  });
  if (PHONE.test(withoutCpr)) found.add('phone');
  PHONE.lastIndex = 0;
  if (EMAIL.test(text)) found.add('email');
  EMAIL.lastIndex = 0;
  return (['cpr', 'phone', 'email'] as const).filter((kind) => found.has(kind));
}
