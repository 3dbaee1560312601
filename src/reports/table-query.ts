import { Type, type Static } from 'typebox';
import {
  SORTS,
  STATUSES,
  type LearnerFilters,
  type LearnerSort,
  type LearnerStatus,
} from './learner-table.js';

/**
 * The learner table's filters, typed as optional text only: each wrong value is reported by
 * parseTableQuery on the page itself (a 400 listing the filters not understood), not by the schema.
 */
export const TableQuery = Type.Object({
  course: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.String({ maxLength: 200 })),
  min: Type.Optional(Type.String({ maxLength: 200 })),
  max: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  sort: Type.Optional(Type.String({ maxLength: 200 })),
  dir: Type.Optional(Type.String({ maxLength: 200 })),
  after: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type TableQuery = Static<typeof TableQuery>;

/** Parses the learner-table query; every problem becomes a message key, never a SQL error. */
export function parseTableQuery(query: TableQuery): {
  filters: LearnerFilters;
  sort: LearnerSort;
  direction: 'asc' | 'desc';
  after?: string;
  errors: string[];
} {
  const errors: string[] = [];
  const filters: LearnerFilters = {};
  const int = (value: string | undefined, name: string, min: number, max: number) => {
    if (value === undefined || value === '') return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      errors.push(name);
      return undefined;
    }
    return number;
  };
  if (query.status) {
    if ((STATUSES as readonly string[]).includes(query.status))
      filters.status = query.status as LearnerStatus;
    else errors.push('status');
  }
  filters.minScore = int(query.min, 'min', 0, 100);
  filters.maxScore = int(query.max, 'max', 0, 100);
  filters.activeDays = int(query.active, 'active', -3650, 3650);
  if (query.q) filters.search = query.q.trim().slice(0, 100);
  let sort: LearnerSort = 'name';
  if (query.sort) {
    if ((SORTS as readonly string[]).includes(query.sort)) sort = query.sort as LearnerSort;
    else errors.push('sort');
  }
  let direction: 'asc' | 'desc' = sort === 'name' ? 'asc' : 'desc';
  if (query.dir) {
    if (query.dir === 'asc' || query.dir === 'desc') direction = query.dir;
    else errors.push('dir');
  }
  return { filters, sort, direction, after: query.after || undefined, errors };
}
