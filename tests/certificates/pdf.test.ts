import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf, visualRuns } from '../../src/certificates/pdf.js';

const labels = { heading: 'Certificate of completion', certifies: 'This certifies that', completed: 'has completed the course', date: 'Completed on', verify: 'Verify this certificate at' };
const base = { completedOn: new Date('2026-11-23T10:00:00Z'), verificationCode: 'ABCD-EFGH-JK23', verificationUrl: 'https://lantern.example/certificates/ABCD-EFGH-JK23', labels };

describe('bidirectional lines', () => {
  it('keeps an all-Latin line as one run', () => {
    expect(visualRuns('Layla Hassan', 'ltr')).toEqual([{ text: 'Layla Hassan', level: 0 }]);
  });

  it('orders a Latin acronym and digits inside an Arabic line from right to left, mirroring brackets', () => {
    const runs = visualRuns('الطفل (CPMS) 2019', 'rtl');
    expect(runs[0]).toEqual({ text: '2019', level: 2 });
    expect(runs[1]!.text).toBe(' (');
    expect(runs[2]).toEqual({ text: 'CPMS', level: 2 });
    expect(runs.at(-1)!.text.startsWith('الطفل')).toBe(true);
  });

  it('places an Arabic name after French words in a left-to-right line', () => {
    const runs = visualRuns('Bravo ليلى', 'ltr');
    expect(runs).toEqual([{ text: 'Bravo ', level: 0 }, { text: 'ليلى', level: 1 }]);
  });
});

describe('certificate PDF', () => {
  for (const locale of ['en', 'fr', 'es', 'ar'] as const) {
    it(`renders a compact PDF in ${locale} with the fonts embedded`, async () => {
      const pdf = await renderCertificatePdf({ ...base, locale, learnerName: locale === 'ar' ? 'ليلى حسن' : 'Françoise Núñez', courseTitle: 'Introduction to the CPMS' });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(pdf.length).toBeLessThan(150_000);
      expect(text).toMatch(new RegExp(`/Lang \\(${locale}\\)`));
      expect(text).toContain('/FontFile2');
      expect(text).not.toContain('/Helvetica');
    });
  }

  it('holds the verification code and URL as real text (checked with pdftotext when installed)', async () => {
    const pdf = await renderCertificatePdf({ ...base, locale: 'ar', learnerName: 'ليلى حسن', courseTitle: 'مقدمة' });
    if (!existsSync('/usr/bin/pdftotext')) {
      console.warn('!! pdftotext (poppler-utils) is not installed: the text-extraction check of the certificate is skipped');
      return;
    }
    const file = join(mkdtempSync(join(tmpdir(), 'lantern-pdf-')), 'c.pdf');
    writeFileSync(file, pdf);
    const extracted = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(extracted).toContain('ABCD-EFGH-JK23');
    expect(extracted).toContain('https://lantern.example/certificates/ABCD-EFGH-JK23');
  });
});
