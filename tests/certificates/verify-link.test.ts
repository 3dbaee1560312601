/** The address a certificate is checked at is a link on the course page, as printed on the PDF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/certificates/issue.js';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

async function certifiedLearner(locale: 'en' | 'ar') {
  // A confirmed address, as certificates are issued to confirmed addresses only.
  const { user, browser } = await signIn(ctx, 'learner', {
    locale,
    name: 'Layla Hassan',
    verified: true,
  });
  await browser.post('/courses/example-course/enrol');
  const course = await ctx.database.db
    .selectFrom('courses')
    .select('id')
    .where('slug', '=', 'example-course')
    .executeTakeFirstOrThrow();
  await issueCertificate(ctx.database.db, user.id, course.id);
  const { code } = await ctx.database.db
    .selectFrom('certificates')
    .select('code')
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  return { browser, code };
}

describe('the verification address', () => {
  it('is a link on the course page, showing the full address, left to right in Arabic too', async () => {
    for (const locale of ['en', 'ar'] as const) {
      const { browser, code } = await certifiedLearner(locale);
      const page = (await browser.get('/courses/example-course')).body;
      const address = `${ctx.config.appOrigin}/certificates/${code}`;
      expect(page).toContain(
        `<a href="/certificates/${code}" dir="ltr" class="verify-link">${address}</a>`,
      );
      expect(page).toContain(
        locale === 'en'
          ? 'Anyone can check this certificate at this address:'
          : 'يمكن لأي شخص التحقق من هذه الشهادة على هذا العنوان:',
      );
      const check = await ctx.app.inject({ url: `/certificates/${code}` });
      expect(check.statusCode).toBe(200);
      expect(check.body).toContain('Layla Hassan');
    }
  });

  it('is a link in the PDF too, to the same address', async () => {
    const { browser, code } = await certifiedLearner('en');
    const pdf = await browser.get('/courses/example-course/certificate');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.toString('latin1')).toContain(
      `/URI (${ctx.config.appOrigin}/certificates/${code})`,
    );
  });
});
