/** Emails found in pasted text or an uploaded CSV, in order, without duplicates. */
export function extractEmails(text: string): string[] {
  const found = text.match(/[^\s,;<>"'()[\]]+@[^\s,;<>"'()[\]]+\.[^\s,;<>"'()[\]]+/g) ?? [];
  return [...new Set(found.map((email) => email.toLowerCase()))];
}
