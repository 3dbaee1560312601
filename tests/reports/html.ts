/** Small readers of rendered report pages, for tests that check what a trainer sees. */

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#34;': '"',
};

/** The text of an HTML fragment: tags removed, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#34);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .replace(/\s+([),.])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/** The cells' text of each body row of every table with this class, in order. */
export function tableRows(html: string, tableClass: string): string[][] {
  const rows: string[][] = [];
  const tables = html.matchAll(
    new RegExp(`<table class="${tableClass}"[^>]*>([\\s\\S]*?)</table>`, 'g'),
  );
  for (const [, table] of tables) {
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table!)?.[1] ?? '';
    for (const [, row] of body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g))
      rows.push([...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1]!)));
  }
  return rows;
}

/** The text of the element with this id (up to the first closing tag of the same name). */
export function textById(html: string, id: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match ? textOf(match[2]!) : undefined;
}
