import { describe, expect, it } from 'vitest';
import {
  COMMIT_LIMITS,
  parseCommit,
  type CommitResult,
  type ScormVersion,
} from '../../src/scorm/runtime/commit.js';

/**
 * What scorm-again 3.4.3 gives from renderCommitCMI(true) with dataCommitFormat 'json' and
 * sendFullCommit, after Initialize and SetValue calls for a status, a score, a location, times,
 * suspend_data, two interactions and an objective (generated once in Node from dist/esm).
 */
const SCORM12_COMMIT = {
  seq: 3,
  cmi: {
    suspend_data: 'q1=a;q2=true',
    launch_data: 'chapter=2',
    comments: '',
    comments_from_lms: '',
    core: {
      student_id: 'learner-1',
      student_name: 'Doe, Jane',
      lesson_location: 'page-7',
      credit: 'credit',
      lesson_status: 'passed',
      entry: 'ab-initio',
      lesson_mode: 'normal',
      exit: 'suspend',
      session_time: '00:12:30.25',
      score: { raw: '85', min: '0', max: '100' },
      total_time: '01:14:33.75',
    },
    objectives: {
      '0': { id: 'obj-safeguarding', status: 'passed', score: { raw: '90', min: '0', max: '100' } },
    },
    student_data: { mastery_score: '80', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions: {
      '0': {
        id: 'q1',
        time: '10:15:00',
        type: 'choice',
        weighting: '1',
        student_response: 'a',
        result: 'correct',
        latency: '00:00:12',
        objectives: { '0': { id: 'obj-safeguarding' } },
        correct_responses: { '0': { pattern: 'a' } },
      },
      '1': {
        id: 'q2',
        time: '',
        type: 'true-false',
        weighting: '',
        student_response: 't',
        result: 'wrong',
        latency: '',
        objectives: {},
        correct_responses: { '0': { pattern: 'f' } },
      },
    },
  },
};

const SCORM2004_COMMIT = {
  seq: 1_000_002,
  cmi: {
    comments_from_learner: {},
    comments_from_lms: {},
    completion_status: 'completed',
    completion_threshold: '0.9',
    credit: 'credit',
    entry: 'ab-initio',
    exit: 'suspend',
    interactions: {
      '0': {
        id: 'q1',
        type: 'choice',
        objectives: { '0': { id: 'obj-safeguarding' } },
        timestamp: '2025-03-01T10:15:00',
        weighting: '1',
        learner_response: 'a',
        result: 'correct',
        latency: 'PT12S',
        description: 'Who do you tell first?',
        correct_responses: { '0': { pattern: 'a' } },
      },
      '1': {
        id: 'q2',
        type: 'true-false',
        objectives: {},
        timestamp: '',
        weighting: '',
        learner_response: 'true',
        result: 'incorrect',
        latency: '',
        description: '',
        correct_responses: { '0': { pattern: 'false' } },
      },
    },
    launch_data: 'chapter=2',
    learner_id: 'learner-1',
    learner_name: 'Doe, Jane',
    learner_preference: {
      audio_level: '1',
      language: '',
      delivery_speed: '1',
      audio_captioning: '0',
    },
    location: 'page-7',
    max_time_allowed: '',
    mode: 'normal',
    objectives: {
      '0': {
        id: 'obj-safeguarding',
        success_status: 'passed',
        completion_status: 'completed',
        progress_measure: '1',
        description: 'Safeguarding basics',
        score: { scaled: '0.9', raw: '90', min: '', max: '' },
      },
    },
    progress_measure: '1',
    scaled_passing_score: '0.8',
    score: { scaled: '0.85', raw: '85', min: '0', max: '100' },
    session_time: 'PT12M30.25S',
    success_status: 'passed',
    suspend_data: 'q1=a;q2=true',
    time_limit_action: 'continue,no message',
    total_time: 'PT1H14M33.75S',
  },
};

type Cmi = Record<string, any>;

/** A fresh copy of the real commit for `version`, changed by `change`. */
function commitBody(
  version: ScormVersion,
  change: (cmi: Cmi) => void = () => {},
): { seq: number; cmi: Cmi } {
  const body = structuredClone(version === 'scorm12' ? SCORM12_COMMIT : SCORM2004_COMMIT);
  change(body.cmi);
  return body;
}

function accepted(result: CommitResult) {
  if (!result.ok)
    throw new Error(`expected the commit to be accepted:\n${result.problems.join('\n')}`);
  return result.commit;
}

function refused(result: CommitResult): string[] {
  if (result.ok) throw new Error('expected the commit to be refused');
  return result.problems;
}

describe('parseCommit with real scorm-again output', () => {
  it('summarises a SCORM 1.2 commit and keeps its cmi as received', () => {
    const commit = accepted(parseCommit('scorm12', commitBody('scorm12')));
    expect(commit).toEqual({
      seq: 3,
      final: false,
      cmi: { cmi: SCORM12_COMMIT.cmi },
      completionStatus: 'completed',
      successStatus: 'passed',
      scoreScaled: 0.85,
      scoreRaw: 85,
      totalTimeSeconds: 4473.75,
      location: 'page-7',
      suspendData: 'q1=a;q2=true',
      interactions: [
        {
          index: 0,
          id: 'q1',
          type: 'choice',
          learnerResponse: 'a',
          correctResponse: 'a',
          result: 'correct',
          weighting: 1,
          latency: '00:00:12',
          timestamp: '10:15:00',
          description: '',
        },
        {
          index: 1,
          id: 'q2',
          type: 'true-false',
          learnerResponse: 't',
          correctResponse: 'f',
          result: 'incorrect',
          weighting: null,
          latency: '',
          timestamp: '',
          description: '',
        },
      ],
      objectives: [
        {
          index: 0,
          id: 'obj-safeguarding',
          successStatus: 'passed',
          completionStatus: 'completed',
          scoreScaled: 0.9,
          scoreRaw: 90,
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(commit.cmi))).toEqual({ cmi: SCORM12_COMMIT.cmi });
  });

  it('summarises a SCORM 2004 commit', () => {
    const commit = accepted(parseCommit('scorm2004', commitBody('scorm2004')));
    expect(commit).toEqual({
      seq: 1_000_002,
      final: false,
      cmi: { cmi: SCORM2004_COMMIT.cmi },
      completionStatus: 'completed',
      successStatus: 'passed',
      scoreScaled: 0.85,
      scoreRaw: 85,
      totalTimeSeconds: 4473.75,
      location: 'page-7',
      suspendData: 'q1=a;q2=true',
      interactions: [
        {
          index: 0,
          id: 'q1',
          type: 'choice',
          learnerResponse: 'a',
          correctResponse: 'a',
          result: 'correct',
          weighting: 1,
          latency: 'PT12S',
          timestamp: '2025-03-01T10:15:00',
          description: 'Who do you tell first?',
        },
        {
          index: 1,
          id: 'q2',
          type: 'true-false',
          learnerResponse: 'true',
          correctResponse: 'false',
          result: 'incorrect',
          weighting: null,
          latency: '',
          timestamp: '',
          description: '',
        },
      ],
      objectives: [
        {
          index: 0,
          id: 'obj-safeguarding',
          successStatus: 'passed',
          completionStatus: 'completed',
          scoreScaled: 0.9,
          scoreRaw: 90,
        },
      ],
    });
  });

  it('accepts the empty data model scorm-again commits right after Initialize', () => {
    const empty12 = {
      seq: 1,
      cmi: {
        suspend_data: '',
        launch_data: '',
        comments: '',
        comments_from_lms: '',
        core: {
          student_id: '',
          student_name: '',
          lesson_location: '',
          credit: '',
          lesson_status: 'not attempted',
          entry: '',
          lesson_mode: 'normal',
          exit: '',
          session_time: '00:00:00',
          score: { raw: '', min: '', max: '100' },
        },
        objectives: {},
        student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' },
        student_preference: { audio: '', language: '', speed: '', text: '' },
        interactions: {},
      },
    };
    const empty2004 = {
      seq: 1,
      cmi: {
        comments_from_learner: {},
        comments_from_lms: {},
        completion_status: 'unknown',
        completion_threshold: '',
        credit: 'credit',
        entry: '',
        exit: '',
        interactions: {},
        launch_data: '',
        learner_id: '',
        learner_name: '',
        learner_preference: {
          audio_level: '1',
          language: '',
          delivery_speed: '1',
          audio_captioning: '0',
        },
        location: '',
        max_time_allowed: '',
        mode: 'normal',
        objectives: {},
        progress_measure: '',
        scaled_passing_score: '',
        score: { scaled: '', raw: '', min: '', max: '' },
        session_time: 'PT0H0M0S',
        success_status: 'unknown',
        suspend_data: '',
        time_limit_action: 'continue,no message',
      },
    };
    const nothing = {
      scoreScaled: null,
      scoreRaw: null,
      totalTimeSeconds: 0,
      location: '',
      suspendData: '',
      interactions: [],
      objectives: [],
    };
    expect(accepted(parseCommit('scorm12', empty12))).toMatchObject({
      completionStatus: 'not attempted',
      successStatus: 'unknown',
      ...nothing,
    });
    expect(accepted(parseCommit('scorm2004', empty2004))).toMatchObject({
      completionStatus: 'unknown',
      successStatus: 'unknown',
      ...nothing,
    });
  });

  it('allows keys it does not know, and lists sent as arrays', () => {
    const commit = accepted(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => {
          cmi.adl_extension = { flags: [true, null, 3], note: 'kept' };
          cmi.interactions = [cmi.interactions['0'], cmi.interactions['1']];
        }),
      ),
    );
    expect(commit.cmi).toMatchObject({
      cmi: { adl_extension: { flags: [true, null, 3], note: 'kept' } },
    });
    expect(commit.interactions.map((interaction) => interaction.id)).toEqual(['q1', 'q2']);
  });

  it('joins alternative correct responses and keeps numeric results', () => {
    const commit = accepted(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => {
          cmi.interactions['0'].correct_responses = {
            '0': { pattern: 'a' },
            '1': { pattern: 'b[,]c' },
          };
          cmi.interactions['1'].result = '0.5';
        }),
      ),
    );
    expect(commit.interactions[0]?.correctResponse).toBe('a | b[,]c');
    expect(commit.interactions[1]?.result).toBe('0.5');
  });
});

describe('SCORM 1.2 lesson_status in the 2004 vocabularies', () => {
  it.each([
    ['passed', 'completed', 'passed'],
    ['failed', 'completed', 'failed'],
    ['completed', 'completed', 'unknown'],
    ['incomplete', 'incomplete', 'unknown'],
    ['browsed', 'incomplete', 'unknown'],
    ['not attempted', 'not attempted', 'unknown'],
    ['', 'not attempted', 'unknown'],
  ])('%j → %s / %s', (lessonStatus, completionStatus, successStatus) => {
    const commit = accepted(
      parseCommit(
        'scorm12',
        commitBody('scorm12', (cmi) => (cmi.core.lesson_status = lessonStatus)),
      ),
    );
    expect([commit.completionStatus, commit.successStatus]).toEqual([
      completionStatus,
      successStatus,
    ]);
  });

  it('maps objective statuses the same way', () => {
    const commit = accepted(
      parseCommit(
        'scorm12',
        commitBody('scorm12', (cmi) => (cmi.objectives['0'].status = 'failed')),
      ),
    );
    expect(commit.objectives[0]).toMatchObject({
      completionStatus: 'completed',
      successStatus: 'failed',
    });
  });
});

describe('SCORM 1.2 scores scaled by min and max', () => {
  it.each([
    ['85', '', '', 0.85],
    ['85', '0', '100', 0.85],
    ['7', '0', '10', 0.7],
    ['30', '20', '40', 0.5],
    ['150', '0', '200', 0.75],
    ['12', '20', '40', 0],
    ['50', '0', '40', 1],
    ['5', '10', '10', null],
    ['', '0', '100', null],
  ])('raw %j between %j and %j → %s', (raw, min, max, scaled) => {
    const commit = accepted(
      parseCommit(
        'scorm12',
        commitBody('scorm12', (cmi) => (cmi.core.score = { raw, min, max })),
      ),
    );
    expect(commit.scoreScaled).toBe(scaled);
    expect(commit.scoreRaw).toBe(raw === '' ? null : Number(raw));
  });

  it('takes numbers as well as the strings scorm-again sends', () => {
    const commit = accepted(
      parseCommit(
        'scorm12',
        commitBody('scorm12', (cmi) => (cmi.core.score = { raw: 8, min: 0, max: 10 })),
      ),
    );
    expect([commit.scoreRaw, commit.scoreScaled]).toEqual([8, 0.8]);
  });

  it('reads an empty 2004 score as no score, and a negative scaled score as 0', () => {
    const empty = accepted(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => (cmi.score = { scaled: '', raw: '', min: '', max: '' })),
      ),
    );
    expect([empty.scoreScaled, empty.scoreRaw]).toEqual([null, null]);
    const negative = accepted(
      parseCommit(
        'scorm2004',
        commitBody(
          'scorm2004',
          (cmi) => (cmi.score = { scaled: '-0.5', raw: '-5', min: '-10', max: '10' }),
        ),
      ),
    );
    expect([negative.scoreScaled, negative.scoreRaw]).toEqual([0, -5]);
  });
});

describe('total time', () => {
  it.each([
    ['PT1H2M3.5S', 3723.5],
    ['P1DT2H', 93_600],
    ['PT0H0M0S', 0],
    ['PT45S', 45],
    ['PT1,5S', 1.5],
    ['PT0.5H', 1_800],
    ['P1W', 604_800],
    ['P1M', 2_592_000],
    ['P1Y2M3DT4H5M6.78S', 31_536_000 + 2 * 2_592_000 + 3 * 86_400 + 4 * 3_600 + 5 * 60 + 6.78],
  ])('SCORM 2004 %s is %s seconds', (totalTime, seconds) => {
    const commit = accepted(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => (cmi.total_time = totalTime)),
      ),
    );
    expect(commit.totalTimeSeconds).toBe(seconds);
  });

  it.each([
    ['0001:02:03.5', 3723.5],
    ['01:14:33.75', 4473.75],
    ['00:00:00', 0],
    ['17496:00:00', 62_985_600],
  ])('SCORM 1.2 %s is %s seconds', (totalTime, seconds) => {
    const commit = accepted(
      parseCommit(
        'scorm12',
        commitBody('scorm12', (cmi) => (cmi.core.total_time = totalTime)),
      ),
    );
    expect(commit.totalTimeSeconds).toBe(seconds);
  });

  it('is 0 when the commit carries no total_time (without alwaysSendTotalTime, scorm-again sends it on Terminate only)', () => {
    expect(
      accepted(
        parseCommit(
          'scorm2004',
          commitBody('scorm2004', (cmi) => delete cmi.total_time),
        ),
      ).totalTimeSeconds,
    ).toBe(0);
    expect(
      accepted(
        parseCommit(
          'scorm12',
          commitBody('scorm12', (cmi) => delete cmi.core.total_time),
        ),
      ).totalTimeSeconds,
    ).toBe(0);
  });
});

describe('suspend_data up to 64,000 characters', () => {
  it.each(['scorm12', 'scorm2004'] as const)('%s accepts 64,000 and refuses 64,001', (version) => {
    expect(
      accepted(
        parseCommit(
          version,
          commitBody(version, (cmi) => (cmi.suspend_data = 'x'.repeat(64_000))),
        ),
      ).suspendData,
    ).toHaveLength(64_000);
    expect(
      refused(
        parseCommit(
          version,
          commitBody(version, (cmi) => (cmi.suspend_data = 'x'.repeat(64_001))),
        ),
      ),
    ).toEqual(['cmi.suspend_data is 64001 characters; at most 64000 are accepted']);
  });
});

describe('refusals name the element', () => {
  const many = (count: number, entry: object) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [String(i), { ...entry, id: `x${i}` }]),
    );
  it.each<[string, ScormVersion, (cmi: Cmi) => void, string]>([
    [
      'an unknown 1.2 lesson_status',
      'scorm12',
      (cmi) => (cmi.core.lesson_status = 'done'),
      'cmi.core.lesson_status is "done"; it must be one of passed, completed, failed, incomplete, browsed, not attempted',
    ],
    [
      'a 2004 completion status in success_status',
      'scorm2004',
      (cmi) => (cmi.success_status = 'completed'),
      'cmi.success_status is "completed"; it must be one of passed, failed, unknown',
    ],
    [
      'a success status in completion_status',
      'scorm2004',
      (cmi) => (cmi.completion_status = 'passed'),
      'cmi.completion_status is "passed"',
    ],
    [
      'a score that is not a number',
      'scorm12',
      (cmi) => (cmi.core.score.raw = 'eighty'),
      'cmi.core.score.raw is "eighty"; it must be a number',
    ],
    [
      'an infinite score',
      'scorm2004',
      (cmi) => (cmi.score.raw = Infinity),
      'cmi.score.raw is Infinity; it must be a number',
    ],
    [
      'a scaled score above 1',
      'scorm2004',
      (cmi) => (cmi.score.scaled = '1.5'),
      'cmi.score.scaled is 1.5; it must be between -1 and 1',
    ],
    [
      'a scaled score below -1',
      'scorm2004',
      (cmi) => (cmi.score.scaled = -2),
      'cmi.score.scaled is -2; it must be between -1 and 1',
    ],
    [
      'a progress_measure above 1',
      'scorm2004',
      (cmi) => (cmi.progress_measure = '1.2'),
      'cmi.progress_measure is 1.2',
    ],
    [
      'a score that is an object',
      'scorm12',
      (cmi) => (cmi.core.score = 'high'),
      'cmi.core.score is the text "high"; it must be an object',
    ],
    [
      'suspend_data that is not text',
      'scorm2004',
      (cmi) => (cmi.suspend_data = { page: 3 }),
      'cmi.suspend_data is an object; it must be text',
    ],
    [
      'a 1.2 lesson_location over 255',
      'scorm12',
      (cmi) => (cmi.core.lesson_location = 'p'.repeat(256)),
      'cmi.core.lesson_location is 256 characters; at most 255 are accepted',
    ],
    [
      'a 2004 location over 1,000',
      'scorm2004',
      (cmi) => (cmi.location = 'p'.repeat(1_001)),
      'cmi.location is 1001 characters; at most 1000 are accepted',
    ],
    [
      'a 1.2 total_time in ISO form',
      'scorm12',
      (cmi) => (cmi.core.total_time = 'PT1H'),
      'cmi.core.total_time is "PT1H"; it must be HHHH:MM:SS.SS',
    ],
    [
      'a 2004 total_time in 1.2 form',
      'scorm2004',
      (cmi) => (cmi.total_time = '01:00:00'),
      'cmi.total_time is "01:00:00"; it must be an ISO 8601 duration',
    ],
    [
      'a 2004 session_time without its value',
      'scorm2004',
      (cmi) => (cmi.session_time = 'PT'),
      'cmi.session_time is "PT"',
    ],
    [
      'a 2004-only interaction type in 1.2',
      'scorm12',
      (cmi) => (cmi.interactions['0'].type = 'long-fill-in'),
      'cmi.interactions.0.type is "long-fill-in"',
    ],
    [
      'an unknown interaction type',
      'scorm2004',
      (cmi) => (cmi.interactions['1'].type = 'essay'),
      'cmi.interactions.1.type is "essay"; it must be one of true-false, choice, fill-in, long-fill-in',
    ],
    [
      'the 1.2 "wrong" in 2004',
      'scorm2004',
      (cmi) => (cmi.interactions['1'].result = 'wrong'),
      'cmi.interactions.1.result is "wrong"; it must be one of correct, incorrect, unanticipated, neutral, or a number',
    ],
    [
      'a weighting that is not a number',
      'scorm12',
      (cmi) => (cmi.interactions['0'].weighting = 'heavy'),
      'cmi.interactions.0.weighting is "heavy"',
    ],
    [
      'a latency in the wrong form',
      'scorm2004',
      (cmi) => (cmi.interactions['0'].latency = '12 seconds'),
      'cmi.interactions.0.latency is "12 seconds"',
    ],
    [
      'a 1.2 interaction id over 255',
      'scorm12',
      (cmi) => (cmi.interactions['0'].id = 'q'.repeat(256)),
      'cmi.interactions.0.id is 256 characters; at most 255 are accepted',
    ],
    [
      'a learner response over 4,000',
      'scorm2004',
      (cmi) => (cmi.interactions['0'].learner_response = 'a'.repeat(4_001)),
      'cmi.interactions.0.learner_response is 4001 characters; at most 4000',
    ],
    [
      'a pattern that is not text',
      'scorm12',
      (cmi) => (cmi.interactions['0'].correct_responses['0'].pattern = 1),
      'cmi.interactions.0.correct_responses.0.pattern is the number 1; it must be text',
    ],
    [
      'an interaction objective id that is not text',
      'scorm2004',
      (cmi) => (cmi.interactions['0'].objectives['0'].id = 5),
      'cmi.interactions.0.objectives.0.id is the number 5; it must be text',
    ],
    [
      'an interaction that is not an object',
      'scorm12',
      (cmi) => (cmi.interactions['1'] = 'q2'),
      'cmi.interactions.1 is the text "q2"; it must be an object',
    ],
    [
      'interactions keyed by name',
      'scorm2004',
      (cmi) => (cmi.interactions = { first: cmi.interactions['0'] }),
      'cmi.interactions has the key "first"; its entries are keyed by position',
    ],
    [
      'interactions as text',
      'scorm12',
      (cmi) => (cmi.interactions = 'q1,q2'),
      'cmi.interactions is the text "q1,q2"; it must be an object keyed by position',
    ],
    [
      '251 interactions',
      'scorm2004',
      (cmi) => (cmi.interactions = many(251, { type: 'other' })),
      'cmi.interactions holds 251 entries; at most 250 are accepted',
    ],
    [
      '101 objectives',
      'scorm12',
      (cmi) => (cmi.objectives = many(101, { status: 'passed' })),
      'cmi.objectives holds 101 entries; at most 100 are accepted',
    ],
    [
      'an unknown objective status',
      'scorm2004',
      (cmi) => (cmi.objectives['0'].success_status = 'yes'),
      'cmi.objectives.0.success_status is "yes"',
    ],
    ['a 1.2 commit without core', 'scorm12', (cmi) => delete cmi.core, 'cmi.core is missing'],
    [
      'a 1.2 commit sent to a 2004 attempt',
      'scorm2004',
      (cmi) => (cmi.core = { lesson_status: 'passed' }),
      'cmi.core belongs to SCORM 1.2',
    ],
    [
      'a NUL character',
      'scorm12',
      (cmi) => (cmi.suspend_data = 'a\u0000b'),
      'cmi.suspend_data holds a NUL character or a broken surrogate pair',
    ],
    [
      'a lone surrogate',
      'scorm2004',
      (cmi) => (cmi.comments_from_lms = { note: 'x\uD800' }),
      'cmi.comments_from_lms.note holds a NUL character or a broken surrogate pair',
    ],
    [
      'NaN in an unknown key',
      'scorm2004',
      (cmi) => (cmi.extra = { value: NaN }),
      'cmi.extra.value is NaN; only finite numbers can be stored',
    ],
    [
      'a function',
      'scorm12',
      (cmi) => (cmi.extra = () => 1),
      'cmi.extra is a function; only JSON data can be stored',
    ],
    [
      'a Date',
      'scorm2004',
      (cmi) => (cmi.extra = new Date(0)),
      'cmi.extra is a Date; only JSON data can be stored',
    ],
    [
      'a __proto__ key',
      'scorm2004',
      (cmi) => (cmi.extra = JSON.parse('{"__proto__": {"admin": true}}')),
      'cmi.extra has the key "__proto__", which cannot be stored',
    ],
    [
      'data nested too deep',
      'scorm12',
      (cmi) => (cmi.extra = JSON.parse('{"a":'.repeat(12) + '1' + '}'.repeat(12))),
      'nests deeper than 10 levels under cmi',
    ],
    [
      'a circular reference',
      'scorm2004',
      (cmi) => (cmi.extra = cmi),
      'cmi.extra is an object already used elsewhere in the commit',
    ],
    [
      'a commit over 1 MB',
      'scorm2004',
      (cmi) => (cmi.extra = 'x'.repeat(COMMIT_LIMITS.maxBodyBytes)),
      `bytes as JSON; at most ${COMMIT_LIMITS.maxBodyBytes} are accepted`,
    ],
  ])('%s', (_, version, change, expected) => {
    const problems = refused(parseCommit(version, commitBody(version, change)));
    expect(
      problems.some((problem) => problem.includes(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem at once, one sentence per element', () => {
    const problems = refused(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => {
          cmi.completion_status = 'done';
          cmi.score.scaled = '2';
          cmi.location = 7;
        }),
      ),
    );
    expect(problems).toEqual([
      'cmi.completion_status is "done"; it must be one of completed, incomplete, not attempted, unknown',
      'cmi.score.scaled is 2; it must be between -1 and 1',
      'cmi.location is the number 7; it must be text',
    ]);
  });

  it('lists at most 50 problems and counts the rest', () => {
    const problems = refused(
      parseCommit(
        'scorm2004',
        commitBody('scorm2004', (cmi) => (cmi.interactions = many(80, { type: 'essay' }))),
      ),
    );
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)).toBe('30 more problems were found; fix the ones above first');
  });
});

describe('the commit envelope', () => {
  it.each([null, undefined, 'seq=1', 42, [], [{ seq: 1, cmi: {} }], new Map()])(
    'refuses the body %j',
    (body) => {
      const problems = refused(parseCommit('scorm12', body));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^The commit body is .*; send an object \{ "seq": 1, "cmi": \{ … \} \}/,
      );
    },
  );

  it('needs a seq', () => {
    const { seq: _, ...body } = commitBody('scorm12');
    expect(refused(parseCommit('scorm12', body))).toEqual([
      'seq is missing; number each commit 1, 2, 3… so that a late one cannot overwrite a newer one',
    ]);
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['3', '"3"'],
    [Number.MAX_SAFE_INTEGER + 1, '9007199254740992'],
    [null, 'null'],
    [NaN, 'NaN'],
    [{ value: 1 }, 'an object'],
  ])('refuses seq %j', (seq, shown) => {
    expect(refused(parseCommit('scorm2004', { ...commitBody('scorm2004'), seq }))).toEqual([
      `seq is ${shown}; it must be a positive whole number`,
    ]);
  });

  it('needs cmi to be an object', () => {
    expect(refused(parseCommit('scorm2004', { seq: 1 }))).toEqual([
      'cmi is missing; send the data model as scorm-again renderCommitCMI() gives it',
    ]);
    expect(refused(parseCommit('scorm2004', { seq: 1, cmi: '{}' }))).toEqual([
      'cmi is the text "{}"; it must be an object',
    ]);
  });

  it('refuses fields beside seq and cmi, such as scorm-again common commit fields', () => {
    const body = { ...commitBody('scorm12'), successStatus: 'passed' };
    expect(refused(parseCommit('scorm12', body))).toEqual([
      'The commit has an unexpected field "successStatus"; only "seq", "cmi" and "final" are accepted (run scorm-again with renderCommonCommitFields: false)',
    ]);
  });

  it('never throws, even on a getter that does', () => {
    const cmi = { core: {} };
    Object.defineProperty(cmi, 'suspend_data', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(refused(parseCommit('scorm12', { seq: 1, cmi }))).toEqual([
      'The commit could not be read (boom); send plain JSON data',
    ]);
    expect(refused(parseCommit('scorm13' as ScormVersion, { seq: 1, cmi: {} }))[0]).toContain(
      'scorm13 is not a SCORM version',
    );
  });
});
