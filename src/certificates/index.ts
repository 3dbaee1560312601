import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireLogin } from '../accounts/index.js';
import { label } from '../learn/localize.js';
import { translator } from '../web/i18n/index.js';

/** The learner's PDF certificate, and the public page that confirms a certificate by its code. */
async function certificatesPlugin(app: FastifyInstance): Promise<void> {
  const publicUrl = (request: { protocol: string; host: string }, code: string) => `${request.protocol}://${request.host}/certificates/${code}`;

  app.get<{ Params: { slug: string } }>('/courses/:slug/certificate', { preHandler: requireLogin }, async (request, reply) => {
    const certificate = await app.db
      .selectFrom('certificates as cert')
      .innerJoin('courses as c', 'c.id', 'cert.course_id')
      .select(['cert.code', 'cert.learner_name', 'cert.course_title', 'cert.issued_at', 'c.slug'])
      .where('c.slug', '=', request.params.slug)
      .where('cert.user_id', '=', request.user!.id)
      .executeTakeFirst();
    if (!certificate) return reply.errorPage('notFound');
    const locale = request.locale;
    const t = translator(locale);
    // pdfkit and the font are loaded on the first certificate, not at start-up.
    const { renderCertificatePdf } = await import('./pdf.js');
    const pdf = await renderCertificatePdf({
      locale,
      learnerName: certificate.learner_name,
      courseTitle: label(certificate.course_title, locale),
      completedOn: new Date(certificate.issued_at),
      verificationCode: certificate.code,
      verificationUrl: publicUrl(request, certificate.code),
      labels: { heading: t('certificate.heading'), certifies: t('certificate.certifies'), completed: t('certificate.completed'), date: t('certificate.date'), verify: t('certificate.verify') },
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="certificate-${certificate.slug}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  // Public: confirms the name, course and date, and nothing else about the learner.
  app.get<{ Params: { code: string } }>('/certificates/:code', async (request, reply) => {
    const code = request.params.code.trim().toUpperCase();
    const certificate = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)
      ? await app.db.selectFrom('certificates').select(['code', 'learner_name', 'course_title', 'issued_at']).where('code', '=', code).executeTakeFirst()
      : undefined;
    reply.header('x-robots-tag', 'noindex');
    return reply.render('certificates/verify', { certificate, code, titleKey: 'certificate.verifyTitle' }, { status: certificate ? 200 : 404 });
  });
}

export default fp(certificatesPlugin, { name: 'lantern-certificates', dependencies: ['lantern-view', 'lantern-accounts'] });
