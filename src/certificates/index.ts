import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { signedIn } from '../accounts/index.js';
import { label } from '../learn/localize.js';
import { notFound } from '../web/http-errors.js';
import { translator } from '../web/i18n/index.js';
import { Slug } from '../web/schemas.js';
import { certificateByCode, ownCertificate } from './queries.js';

/** The learner's PDF certificate, and the public page that confirms a certificate by its code. */
async function certificatesPlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // The address printed on the certificate: the deployment's own, never what a Host header claims.
  const publicUrl = (code: string) => `${app.config.appOrigin}/certificates/${code}`;

  app.get(
    '/courses/:slug/certificate',
    { schema: { params: Type.Object({ slug: Slug }) } },
    async (request, reply) => {
      const certificate = await ownCertificate(app.db, signedIn(request).id, request.params.slug);
      if (!certificate) throw notFound();
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
        verificationUrl: publicUrl(certificate.code),
        labels: {
          heading: t('certificate.heading'),
          certifies: t('certificate.certifies'),
          completed: t('certificate.completed'),
          date: t('certificate.date'),
          verify: t('certificate.verify'),
        },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${certificate.slug}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  // Public: confirms the name, course and date, and nothing else about the learner (nothing at all
  // once the holder's account was erased).
  app.get(
    '/certificates/:code',
    { schema: { params: Type.Object({ code: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const code = request.params.code.trim().toUpperCase();
      const certificate = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)
        ? await certificateByCode(app.db, code)
        : undefined;
      reply.header('x-robots-tag', 'noindex');
      return reply.render(
        'certificates/verify',
        { certificate, code, titleKey: 'certificate.verifyTitle' },
        // A certificate withdrawn at its holder's request is gone, and says so.
        { status: !certificate ? 404 : certificate.withdrawn ? 410 : 200 },
      );
    },
  );
}

export default fp(certificatesPlugin, {
  name: 'lantern-certificates',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
