import type { PGliteOptions } from '@electric-sql/pglite';

/**
 * How Lantern opens PGlite, in this thread or in the database thread (pglite-thread.ts): int8
 * (count(*), sums) as numbers, calendar dates as 'YYYY-MM-DD' text, and a smaller server.
 */
export function pgliteOptions(defaultStartParams: string[]): PGliteOptions {
  return {
    parsers: { 20: (value: string) => Number(value), 1082: (value: string) => value },
    // PostgreSQL's default 128 MB of shared buffers (and shared memory sized for 100 connections)
    // are zeroed inside the WebAssembly memory at every start, about half a second of a restart;
    // PGlite serves one connection, and the operating system's file cache holds the rest.
    startParams: [...defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'max_connections=5'],
  };
}
