import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourses, loadCourses } from '../../src/content/load.js';
import { renderLesson } from '../../src/content/markdown.js';
import { translationForms } from '../../src/content/glossary.js';
import { copyFixtureCourses } from '../helpers/courses.js';
import { runCli } from '../helpers/process.js';

// The checks of issue #18 on the fixture course: key-points boxes and scenarios survive the
// sanitiser, images come in the lesson's language, every lesson exists in every declared language,
// and translations use the glossary's terms. Each problem names the file (and line) to fix.

const noLinks = { lesson: () => '/lesson', media: () => ({ url: '/media', tried: [] }) };
const render = (markdown: string) => renderLesson(markdown, noLinks, []);
const messages = (dir: string) => checkCourses(dir).problems.map((problem) => problem.message);

describe('lesson parts the sanitiser keeps', () => {
  it('keeps the key-points aside, and only that class', () => {
    const html = render(
      '<aside class="key-points" onclick="x()" id="k">\n\n## Key points\n\n- one\n\n</aside>\n',
    );
    expect(html).toContain('<aside class="key-points">\n<h2>Key points</h2>');
    expect(html).toContain('</aside>');
    expect(html).not.toMatch(/onclick|id="k"/);
    expect(render('<aside class="key-points other">\n\nA\n\n</aside>\n')).toContain(
      '<aside class="key-points">',
    );
  });

  it('drops any other aside but keeps its text, and drops classes elsewhere', () => {
    const html = render(
      '<aside class="note">\n\nNote\n\n</aside>\n\n<aside>\n\nPlain\n\n</aside>\n\n<aside class="key-points">\n\nKept\n\n</aside>\n\n<p class="key-points">Para</p>\n',
    );
    expect(html.match(/<aside/g)).toHaveLength(1);
    expect(html.match(/<\/aside>/g)).toHaveLength(1);
    expect(html).toContain('<p>Note</p>');
    expect(html).toContain('<p>Plain</p>');
    expect(html).toContain('<aside class="key-points">\n<p>Kept</p>\n</aside>');
    expect(html).toContain('<p>Para</p>');
  });

  it('keeps a scenario with its reveal, the inside rendered as Markdown', () => {
    const html = render(
      '<details><summary>Amina finds a bruise: what would you do?</summary>\n\nListen, **do not investigate**.\n\n</details>\n',
    );
    expect(html).toContain('<details><summary>Amina finds a bruise: what would you do?</summary>');
    expect(html).toContain('<p>Listen, <strong>do not investigate</strong>.</p>\n</details>');
  });
});

describe('images in the lesson’s language', () => {
  const image = (html: string | undefined) => /<img src="([^"]+)"/.exec(html ?? '')?.[1];

  it('takes name.<locale>.svg, else name.en.svg, else name.svg', () => {
    const courses = copyFixtureCourses();
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>${text}</title></svg>`;
    courses.write('example-course/media/lantern.fr.svg', svg('Une lanterne'));
    courses.edit(
      'example-course/lessons/welcome.fr.md',
      (text) => `${text}\n![Une lanterne](media/lantern.svg)\n`,
    );
    courses.edit(
      'example-course/lessons/welcome.ar.md',
      (text) => `${text}\n![فانوس](media/lantern.svg)\n`,
    );
    const welcome = () =>
      loadCourses(courses.dir)[0]!.modules[0]!.items.find((item) => item.slug === 'welcome')!;
    let lesson = welcome();
    if (lesson.kind !== 'lesson') throw new Error('not a lesson');
    expect(image(lesson.html.fr)).toMatch(
      /^\/course-media\/example-course\/[0-9a-f]{12}\/lantern\.fr\.svg$/,
    );
    expect(image(lesson.html.en)).toMatch(/\/lantern\.svg$/);
    expect(image(lesson.html.ar)).toMatch(/\/lantern\.svg$/);

    courses.write('example-course/media/lantern.en.svg', svg('A lantern'));
    lesson = welcome();
    if (lesson.kind !== 'lesson') throw new Error('not a lesson');
    expect(image(lesson.html.en)).toMatch(/\/lantern\.en\.svg$/);
    expect(image(lesson.html.ar)).toMatch(/\/lantern\.en\.svg$/);
    expect(image(lesson.html.fr)).toMatch(/\/lantern\.fr\.svg$/);
  });

  it('reports an image with no file in any variant, at its file and line', () => {
    const courses = copyFixtureCourses();
    courses.edit(
      'example-course/lessons/welcome.fr.md',
      (text) => `${text}\n![Une carte](media/map.svg)\n`,
    );
    const [problem, ...others] = checkCourses(courses.dir).problems;
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      line: 7,
      message:
        'image "media/map.svg" is not in the course\'s media/ folder (looked for map.fr.svg, map.en.svg, map.svg)',
    });
    expect(problem!.file).toMatch(/example-course\/lessons\/welcome\.fr\.md$/);
  });
});

describe('every lesson in every declared language', () => {
  it('names each missing file, unless the language is listed as partial', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('partial_locales: [fr, es, ar]', 'partial_locales: [es]'),
    );
    const problems = checkCourses(courses.dir).problems;
    expect(problems.map((problem) => problem.file.replace(/^.*example-course\//, ''))).toEqual([
      'lessons/english-only.fr.md',
      'lessons/english-only.ar.md',
      'lessons/optional-reading.fr.md',
      'lessons/optional-reading.ar.md',
    ]);
    expect(problems[0]!.message).toBe(
      'missing: lesson "english-only" has no French file, and course.yaml declares "fr" in locales (write the file, or list "fr" under partial_locales while it is being translated)',
    );
  });

  it('accepts a course that declares fewer languages: the others fall back to English', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text
        .replace('locales: [en, fr, es, ar]', 'locales: [en, fr]')
        .replace('partial_locales: [fr, es, ar]', ''),
    );
    courses.write(
      'example-course/lessons/english-only.fr.md',
      '---\ntitle: Anglais\n---\nTexte.\n',
    );
    courses.write(
      'example-course/lessons/optional-reading.fr.md',
      '---\ntitle: Option\n---\nTexte.\n',
    );
    const [course] = loadCourses(courses.dir);
    expect(course!.locales).toEqual(['en', 'fr']);
    const welcome = course!.modules[0]!.items[0]!;
    expect(welcome.kind === 'lesson' && Object.keys(welcome.html)).toEqual(['en', 'fr']);
  });

  it('refuses partial_locales outside the declared languages', () => {
    const courses = copyFixtureCourses();
    courses.edit('example-course/course.yaml', (text) =>
      text.replace('partial_locales: [fr, es, ar]', 'partial_locales: [en, de]'),
    );
    expect(messages(courses.dir)).toEqual([
      'partial_locales: "en" must be one of the course\'s locales other than en',
      'partial_locales: "de" must be one of the course\'s locales other than en',
      ...Array(7).fill(expect.stringMatching(/^missing: lesson/)),
    ]);
  });
});

describe('the glossary check', () => {
  const withGlossary = () => {
    const courses = copyFixtureCourses();
    mkdirSync(join(courses.dir, 'glossary'));
    return courses;
  };
  const glossary = [
    '# Glossary: English – French',
    '',
    '| English term | French | Check |',
    '|---|---|---|',
    "| child protection | protection de l'enfance | |",
    '| risk assessment | évaluation des risques |',
    '| assessment (needs assessment) | évaluation des besoins |',
    '| caseworker | gestionnaire de cas / travailleur social (gestion des cas) |',
    '| separated child | enfant séparé |',
    '| health | santé | no |',
    '| safeguarding focal point | référent(e) sauvegarde |',
    '| protection from sexual exploitation and abuse (PSEA) | protection contre l’exploitation et les abus sexuels (PEAS) |',
  ].join('\n');
  const english = [
    '---',
    'title: Welcome',
    'minutes: 3',
    '---',
    'Child protection matters. A risk assessment comes first.',
    '',
    'Caseworkers meet separated children and health staff. Ask the [PSEA](https://example.org) lead.',
    '',
    'Tell the safeguarding focal point.',
  ].join('\n');
  const setUp = (french: string, glossaryText = glossary) => {
    const courses = withGlossary();
    courses.write('glossary/fr.md', glossaryText);
    courses.write('example-course/lessons/welcome.en.md', `${english}\n`);
    courses.write(
      'example-course/lessons/welcome.fr.md',
      `---\ntitle: Bienvenue\n---\n${french}\n`,
    );
    courses.remove('example-course/lessons/welcome.ar.md');
    return courses;
  };

  it('accepts a translation that uses every term, in any listed form', () => {
    const courses = setUp(
      [
        'La protection de l’enfance compte. L’évaluation des risques vient d’abord.',
        'Les travailleurs sociaux rencontrent des enfants séparés et le personnel soignant.',
        'Parlez à la personne référente sauvegarde. Le réseau PEAS aide.',
      ].join('\n'),
    );
    expect(checkCourses(courses.dir).problems).toEqual([]);
  });

  it('reports each term the translation lacks, with the English line and the expected term', () => {
    const courses = setUp(
      [
        'La protection des enfants compte. Une analyse des risques vient d’abord.',
        'Les gestionnaires de cas rencontrent des enfants séparés.',
        'Parlez au référent sauvegarde.',
      ].join('\n'),
    );
    const { problems } = checkCourses(courses.dir);
    // Files are named from the folder above the courses folder: here a copy of it in tmp.
    const copy = basename(courses.dir);
    expect(problems.map((problem) => problem.message.replaceAll(copy, 'courses'))).toEqual([
      `glossary: "child protection" (courses/example-course/lessons/welcome.en.md:5) is not translated as the glossary says: "protection de l'enfance" (courses/glossary/fr.md:5)`,
      'glossary: "risk assessment" (courses/example-course/lessons/welcome.en.md:5) is not translated as the glossary says: "évaluation des risques" (courses/glossary/fr.md:6)',
      'glossary: "protection from sexual exploitation and abuse (PSEA)" (courses/example-course/lessons/welcome.en.md:7) is not translated as the glossary says: "protection contre l’exploitation et les abus sexuels (PEAS)" (courses/glossary/fr.md:12)',
    ]);
    for (const problem of problems) expect(problem.file).toMatch(/lessons\/welcome\.fr\.md$/);
    // "assessment" inside "risk assessment" is the longer term only; "health" is marked `no`.
    expect(problems.some((problem) => problem.message.includes('"assessment'))).toBe(false);
    expect(problems.some((problem) => problem.message.includes('"health"'))).toBe(false);
  });

  it('matches Arabic whatever its marks, alef forms and attached prefixes', () => {
    const courses = withGlossary();
    courses.write(
      'glossary/ar.md',
      '| English | Arabic |\n|---|---|\n| child protection | حماية الطفل |\n| disclosure | الإفصاح |\n| caseworker | مدير/ة الحالة |\n',
    );
    courses.write(
      'example-course/lessons/welcome.en.md',
      '---\ntitle: Welcome\n---\nChild protection, disclosure and caseworkers.\n',
    );
    courses.write(
      'example-course/lessons/welcome.ar.md',
      '---\ntitle: مرحبًا\n---\nنعمل لِحِمَايَة الطّفل، ونستمع للإفصاح، مع مديرة الحالة.\n',
    );
    expect(checkCourses(courses.dir).problems).toEqual([]);
    courses.edit('example-course/lessons/welcome.ar.md', (text) =>
      text.replace('مديرة الحالة', 'الأخصائية'),
    );
    expect(messages(courses.dir)).toEqual([
      expect.stringMatching(/^glossary: "caseworker" .* "مدير\/ة الحالة"/),
    ]);
  });

  it('accepts Spanish plurals and both genders of a term', () => {
    const courses = withGlossary();
    courses.write(
      'glossary/es.md',
      '| English | Spanish |\n|---|---|\n| reference check | verificación de referencias |\n| caseworker | gestor/a de casos |\n',
    );
    courses.write(
      'example-course/lessons/welcome.en.md',
      '---\ntitle: Welcome\n---\nCaseworkers do reference checks.\n',
    );
    courses.write(
      'example-course/lessons/welcome.es.md',
      '---\ntitle: Bienvenida\n---\nLas gestoras de casos hacen verificaciones de referencias.\n',
    );
    expect(checkCourses(courses.dir).problems).toEqual([]);
  });

  it('reads alternatives, notes and gendered forms from a translation cell', () => {
    expect(translationForms('travailleur social / travailleuse sociale (gestion des cas)')).toEqual(
      ['travailleur social', 'travailleuse sociale', 'gestion des cas'],
    );
    expect(translationForms('gestor/a de casos')).toEqual([
      'gestor/a de casos',
      'gestor de casos',
      'gestora de casos',
    ]);
    expect(translationForms('niño/a')).toEqual(['niño/a', 'niño', 'niña']);
    expect(translationForms('référent(e)')).toEqual(['référent(e)', 'référent', 'référente']);
  });

  it('reports a broken or duplicated glossary row at its line', () => {
    const courses = setUp(
      'La protection de l’enfance.',
      '| English | French |\n|---|---|\n| child protection | protection de l’enfance |\n| neglect | |\n| Child protection | protection des enfants |\n| abuse | maltraitance | maybe |\n',
    );
    const problems = checkCourses(courses.dir)
      .problems.filter((problem) => problem.file.endsWith('glossary/fr.md'))
      .map((problem) => ({
        ...problem,
        file: problem.file.replace(basename(courses.dir), 'courses'),
      }));
    expect(problems).toEqual([
      {
        file: 'courses/glossary/fr.md',
        line: 4,
        message: 'a glossary row needs the English term and its translation',
      },
      {
        file: 'courses/glossary/fr.md',
        line: 5,
        message:
          '"Child protection" is already in the glossary at line 3: give each term one translation (alternatives separated by " / ")',
      },
      {
        file: 'courses/glossary/fr.md',
        line: 6,
        message: 'third column "maybe": write "no" to leave this term unchecked, or leave it empty',
      },
    ]);
  });
});

describe('npm run cli -- courses:check', () => {
  it('validates without a database and exits 1 with each problem at its file and line', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lantern-check-')), 'data');
    const courses = copyFixtureCourses();
    const clean = runCli(['courses:check'], { COURSES_DIR: courses.dir, DATA_DIR: dataDir });
    expect(clean.status).toBe(0);
    expect(clean.output).toContain('no problems: example-course');
    courses.edit('example-course/lessons/welcome.en.md', (text) =>
      text.replace('lesson:english-only', 'lesson:no-such-lesson'),
    );
    const broken = runCli(['courses:check'], { COURSES_DIR: courses.dir, DATA_DIR: dataDir });
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(
      /example-course\/lessons\/welcome\.en\.md:5: link to an unknown lesson "lesson:no-such-lesson"/,
    );
    expect(broken.output).toContain('1 problem(s)');
    expect(existsSync(dataDir)).toBe(false);
  });
});
