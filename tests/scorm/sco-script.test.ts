/**
 * The fixture SCOs must behave like real content when Playwright drives them later; here
 * their script runs in a bare VM against a fake LMS API to pin that behaviour down.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  describeNotice,
  describeProblem,
  type NoticeCode,
  type ProblemCode,
} from '../../src/scorm/package/index.js';
import { scoRuntimeScript, type FixtureVersion } from './fixtures.js';

type Store = Record<string, string>;

function fakeApi(version: FixtureVersion, store: Store, calls: string[]) {
  const record =
    (name: string, result: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map(String).join(',')})`);
      return result;
    };
  const get = (key: string) => (calls.push(`get(${key})`), store[key] ?? '');
  const set = (key: string, value: string) => (
    calls.push(`set(${key},${value})`),
    (store[key] = value),
    'true'
  );
  return version === 'scorm12'
    ? {
        LMSInitialize: record('init', 'true'),
        LMSGetValue: get,
        LMSSetValue: set,
        LMSCommit: record('commit', 'true'),
        LMSFinish: record('finish', 'true'),
        LMSGetLastError: () => '0',
      }
    : {
        Initialize: record('init', 'true'),
        GetValue: get,
        SetValue: set,
        Commit: record('commit', 'true'),
        Terminate: record('finish', 'true'),
        GetLastError: () => '0',
      };
}

/** Runs the SCO script in a window framed by a parent (or opened by an opener) holding the API. */
function launch(
  version: FixtureVersion,
  store: Store,
  where: 'parent' | 'grandparent' | 'opener' | 'self' | 'none' = 'parent',
) {
  const calls: string[] = [];
  const api = fakeApi(version, store, calls);
  const name = version === 'scorm12' ? 'API' : 'API_1484_11';
  const top: Record<string, unknown> = {};
  top.parent = top;
  const parent: Record<string, unknown> = where === 'grandparent' ? { parent: top } : top;
  if (where === 'parent') top[name] = api;
  if (where === 'grandparent') top[name] = api;
  const status: Record<string, string> = {};
  const listeners: Record<string, () => void> = {};
  const context: Record<string, unknown> = {
    parent,
    top,
    opener: where === 'opener' ? { [name]: api, parent: null } : null,
    location: { search: '?lesson=intro' },
    addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
    document: {
      body: { getAttribute: () => 'page-1' },
      getElementById: (id: string) =>
        id === 'scorm-status'
          ? {
              setAttribute: (key: string, value: string) => (status[key] = value),
              set textContent(text: string) {
                status.text = text;
              },
            }
          : null,
      addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
    },
  };
  context.window = context;
  if (where === 'self') context[name] = api;
  if (where === 'opener') top.opener = context.opener;
  runInNewContext(scoRuntimeScript(version), context);
  listeners.DOMContentLoaded!();
  const sco = context.LanternSco as {
    complete(score?: number): boolean;
    finish(): boolean;
    setLocation(value: string): boolean;
  };
  return { calls, status, sco, unload: () => listeners.pagehide!() };
}

describe('fixture SCO script, SCORM 1.2', () => {
  it('finds the API in a parent frame, starts, records progress and commits', () => {
    const store: Store = {
      'cmi.core.lesson_status': 'not attempted',
      'cmi.core.entry': 'ab-initio',
    };
    const { calls, status } = launch('scorm12', store);
    expect(calls[0]).toBe('init()');
    expect(store).toMatchObject({
      'cmi.core.lesson_location': 'page-1',
      'cmi.suspend_data': '{"visits":1,"page":"page-1"}',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
    });
    expect(calls).toContain('commit()');
    expect(status).toMatchObject({
      'data-state': 'ready',
      'data-entry': 'ab-initio',
      'data-location': 'page-1',
      'data-visits': '1',
      'data-search': '?lesson=intro',
    });
  });

  it('resumes from the stored location and suspend data', () => {
    const store: Store = {
      'cmi.core.entry': 'resume',
      'cmi.core.lesson_location': 'page-7',
      'cmi.suspend_data': '{"visits":2}',
      'cmi.core.lesson_status': 'incomplete',
    };
    const { status } = launch('scorm12', store);
    expect(status).toMatchObject({
      'data-entry': 'resume',
      'data-location': 'page-7',
      'data-visits': '3',
    });
    expect(store['cmi.core.lesson_location']).toBe('page-7');
  });

  it('passes or fails against the mastery score, then finishes once', () => {
    const store: Store = {
      'cmi.core.lesson_status': 'not attempted',
      'cmi.student_data.mastery_score': '80',
    };
    const run = launch('scorm12', store);
    run.sco.complete(70);
    expect(store).toMatchObject({
      'cmi.core.score.raw': '70',
      'cmi.core.lesson_status': 'failed',
      'cmi.core.exit': '',
    });
    run.sco.complete(90);
    expect(store['cmi.core.lesson_status']).toBe('passed');
    run.sco.finish();
    run.unload();
    expect(run.calls.filter((call) => call === 'finish()')).toHaveLength(1);
    expect(run.status['data-state']).toBe('finished');
  });

  it('finds an API on its own window, two frames up, or on the opener', () => {
    for (const where of ['self', 'grandparent', 'opener'] as const) {
      expect(launch('scorm12', {}, where).status['data-state']).toBe('ready');
    }
    expect(launch('scorm12', {}, 'none').status['data-state']).toBe('no-api');
  });

  it('finishes on pagehide so the last commit reaches the LMS', () => {
    const run = launch('scorm12', {});
    run.unload();
    expect(run.calls.slice(-2)).toEqual(['commit()', 'finish()']);
  });
});

describe('fixture SCO script, SCORM 2004', () => {
  it('starts from the parent (ADL search), completes and passes by scaled score', () => {
    const store: Store = {
      'cmi.entry': 'ab-initio',
      'cmi.completion_status': 'unknown',
      'cmi.scaled_passing_score': '0.6',
    };
    const run = launch('scorm2004', store);
    expect(store).toMatchObject({
      'cmi.location': 'page-1',
      'cmi.completion_status': 'incomplete',
      'cmi.exit': 'suspend',
    });
    run.sco.complete(65);
    expect(store).toMatchObject({
      'cmi.score.scaled': '0.65',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.exit': 'normal',
    });
    run.sco.setLocation('page-9');
    expect(store['cmi.location']).toBe('page-9');
    run.sco.finish();
    expect(run.calls.at(-1)).toBe('finish()');
  });

  it('does not take an API placed on its own window when a parent exists', () => {
    // The ADL 2004 algorithm starts at window.parent: content that declares its own
    // `API_1484_11` variable must not shadow the LMS.
    expect(launch('scorm2004', {}, 'self').status['data-state']).toBe('no-api');
  });
});

describe('English descriptions', () => {
  const problemCodes: ProblemCode[] = [
    'not_zip',
    'corrupt_zip',
    'limit_total_size',
    'limit_file_count',
    'limit_ratio',
    'limit_manifest_size',
    'unsafe_path',
    'symlink',
    'special_file',
    'duplicate_name',
    'encrypted_entry',
    'unsupported_compression',
    'no_manifest',
    'malformed_xml',
    'not_a_manifest',
    'unsupported_version',
    'no_organization',
    'no_launchable_item',
    'duplicate_identifier',
    'missing_identifier',
    'missing_resource',
    'resource_without_href',
    'missing_launch_file',
  ];
  const noticeCodes: NoticeCode[] = [
    'manifest_in_subfolder',
    'manifest_name_case',
    'default_organization_fallback',
    'organization_synthesised',
    'version_inferred',
    'unknown_schemaversion',
    'metadata_file_missing',
    'metadata_file_malformed',
    'external_launch_url',
    'sequencing_reference_missing',
    'sequencing_value_invalid',
    'sequencing_element_ignored',
  ];

  it('has a sentence for every code, prefixed with where', () => {
    for (const code of problemCodes) expect(describeProblem({ code })).toMatch(/^[A-Z].+\.$/);
    for (const code of noticeCodes) expect(describeNotice({ code })).toMatch(/^[A-Z].+\.$/);
    expect(
      describeProblem({
        code: 'missing_resource',
        file: 'imsmanifest.xml',
        line: 12,
        element: 'item[identifier=a]',
        params: { item: 'a', identifierref: 'r' },
      }),
    ).toBe(
      'imsmanifest.xml:12 item[identifier=a]: Item "a" refers to resource "r", which does not exist.',
    );
  });
});
