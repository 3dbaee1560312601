import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: true });

/** The class of the box that closes each lesson: `<aside class="key-points">`. */
const KEY_POINTS = 'key-points';

export type LinkResolver = {
  /** URL of another lesson of the course, or undefined when no such lesson exists. */
  lesson(slug: string): string | undefined;
  /**
   * URL of a file in the course's media folder, in the lesson's language when there is a variant
   * of it (see mediaVariants); without a URL, the names that were looked for.
   */
  media(name: string): { url?: string; tried: string[] };
};

/**
 * Markdown → sanitised HTML, once, at sync time. Internal `lesson:` links and `media/` images are
 * resolved here; anything unresolvable is reported through `problems` rather than shipped broken.
 */
export function renderLesson(source: string, links: LinkResolver, problems: string[]): string {
  const rendered = markdown.render(source);
  return sanitizeHtml(rendered, {
    allowedTags: [
      'h2',
      'h3',
      'h4',
      'p',
      'ul',
      'ol',
      'li',
      'strong',
      'em',
      'a',
      'blockquote',
      'code',
      'pre',
      'hr',
      'br',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'img',
      'figure',
      'figcaption',
      'details',
      'summary',
      'aside',
      'abbr',
      'dl',
      'dt',
      'dd',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'lang', 'rel', 'target'],
      img: ['src', 'alt', 'width', 'height', 'loading'],
      th: ['scope'],
      abbr: ['title'],
      aside: ['class'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { aside: [KEY_POINTS] },
    // The lesson's key-points box is the only aside kept: any other loses its tag, keeps its text.
    exclusiveFilter: (frame) =>
      frame.tag === 'aside' && !(frame.attribs.class ?? '').split(/\s+/).includes(KEY_POINTS)
        ? 'excludeTag'
        : false,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    transformTags: {
      // A lesson's own title is the page's h1: content headings start at h2.
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        if (href.startsWith('lesson:')) {
          const target = links.lesson(href.slice('lesson:'.length));
          if (!target) problems.push(`link to an unknown lesson "${href}"`);
          return { tagName, attribs: { ...attribs, href: target ?? '#' } };
        }
        if (/^https?:/i.test(href))
          return { tagName, attribs: { ...attribs, rel: 'noopener', target: '_blank' } };
        return { tagName, attribs };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        const name = src.replace(/^\.?\/?media\//, '');
        const found =
          src.startsWith('media/') || src.startsWith('./media/')
            ? links.media(name)
            : { tried: [] };
        const url = found.url;
        if (!url)
          problems.push(
            `image "${src}" is not in the course's media/ folder${found.tried.length > 1 ? ` (looked for ${found.tried.join(', ')})` : ''}`,
          );
        if (!attribs.alt?.trim()) problems.push(`image "${src}" has no alternative text`);
        return { tagName, attribs: { ...attribs, src: url ?? '', loading: 'lazy' } };
      },
    },
  });
}
