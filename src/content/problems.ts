import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

import type { ContentProblem } from './content-error.js';

export type YamlPath = Array<string | number>;

/** A parsed YAML file that can say on which line any path starts. */
export class YamlFile {
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
    private readonly lineOffset = 0,
    report: ContentProblem[],
  ) {
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true,
    });
    for (const error of this.doc.errors) {
      report.push({
        file,
        line: (error.linePos?.[0]?.line ?? 0) + lineOffset || undefined,
        message: `YAML error: ${error.message.split('\n')[0]}`,
      });
    }
    this.data = this.doc.errors.length > 0 ? undefined : this.doc.toJS();
  }

  /** The line of the deepest node of `path` that exists (the parent when the key is missing). */
  lineOf(path: YamlPath): number | undefined {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      // A mapping value is reported at its key ("title:"), where a person looks for it.
      const key = path[depth - 1];
      const parent = depth > 0 ? this.doc.getIn(path.slice(0, depth - 1), true) : undefined;
      if (isMap(parent) && typeof key === 'string') {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return this.position(pair.key.range[0]);
      }
      const node = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.position(node.range[0]);
    }
    return undefined;
  }

  private position(offset: number): number {
    return this.lines.linePos(offset).line + this.lineOffset;
  }
}
