import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { copyFixtureCourses } from '../helpers/courses.js';

// A lesson page shows the image in the learner's language, and course media are served for a year
// as immutable: their URL changes with their content.

const courses = copyFixtureCourses();
courses.write(
  'example-course/media/lantern.fr.svg',
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>Une lanterne</title></svg>',
);
courses.edit(
  'example-course/lessons/welcome.fr.md',
  (text) =>
    `${text}\n![Une lanterne](media/lantern.svg)\n\n<aside class="key-points">\n\n## Points clés\n\n- Bonjour.\n\n</aside>\n`,
);
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ coursesDir: courses.dir });
});
afterAll(async () => ctx.close());

const imageOf = (body: string) => /<img src="([^"]+)"/.exec(body)?.[1] ?? '';

describe('lesson images and boxes on the page', () => {
  it('shows each language its own variant, with the key-points box', async () => {
    const { browser } = await signIn(ctx, 'learner', { locale: 'fr' });
    await browser.post('/courses/example-course/enrol');
    const french = await browser.get('/courses/example-course/lessons/welcome');
    expect(imageOf(french.body)).toMatch(
      /^\/course-media\/example-course\/[0-9a-f]{12}\/lantern\.fr\.svg$/,
    );
    expect(french.body).toContain('<aside class="key-points">\n<h2>Points clés</h2>');

    const { browser: english } = await signIn(ctx);
    await english.post('/courses/example-course/enrol');
    const page = await english.get('/courses/example-course/lessons/welcome');
    expect(imageOf(page.body)).toMatch(/\/lantern\.svg$/);
  });

  it('serves course media as immutable for a year, and only at its current hash', async () => {
    const { browser } = await signIn(ctx, 'learner', { locale: 'fr' });
    await browser.post('/courses/example-course/enrol');
    const url = imageOf((await browser.get('/courses/example-course/lessons/welcome')).body);
    const media = await ctx.app.inject({ url });
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(media.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(media.body).toContain('Une lanterne');
    const stale = url.replace(/\/[0-9a-f]{12}\//, '/000000000000/');
    expect((await ctx.app.inject({ url: stale })).statusCode).toBe(404);
  });
});
