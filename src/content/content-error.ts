/**
 * What is wrong with the course files. Apart from the YAML reader (problems.ts) so that start-up,
 * which only needs to recognise this error, does not load it.
 */

/** One thing wrong in the course files, pointing at the file and line to fix. */
export type ContentProblem = { file: string; line?: number; message: string };

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The course files have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

export function formatProblem(problem: ContentProblem): string {
  return `  ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}
