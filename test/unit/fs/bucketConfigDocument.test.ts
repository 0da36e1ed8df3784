import { strict as assert } from 'node:assert';
import {
  blankComments,
  formatDocument,
  formatRules,
  parseCorsRules,
  parseLifecycleRules,
  topLevelElementOffsets,
} from '../../../src/fs/bucketConfigDocument';

function problems(parsed: ReturnType<typeof parseCorsRules> | ReturnType<typeof parseLifecycleRules>): string[] {
  return parsed.ok ? [] : parsed.problems.map((problem) => problem.message);
}

describe('bucket config documents', () => {
  const cors = [
    {
      AllowedOrigins: ['https://example.com'],
      AllowedMethods: ['GET', 'HEAD'],
      AllowedHeaders: ['*'],
      MaxAgeSeconds: 3600,
    },
  ];

  it('round-trips CORS rules through the document', () => {
    const text = formatRules(cors);
    assert.ok(text.endsWith(']\n'));
    assert.deepEqual(parseCorsRules(text), { ok: true, rules: cors });
  });

  it('accepts the AWS CLI wrappers, and an empty document as no rules', () => {
    assert.deepEqual(parseCorsRules(JSON.stringify({ CORSRules: cors })), { ok: true, rules: cors });
    assert.deepEqual(parseCorsRules('  \n'), { ok: true, rules: [] });
    assert.deepEqual(parseCorsRules('[]'), { ok: true, rules: [] });
    const lifecycle = [{ ID: 'old logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } }];
    assert.deepEqual(parseLifecycleRules(JSON.stringify({ Rules: lifecycle })), { ok: true, rules: lifecycle });
  });

  it('says what is wrong with a CORS rule, and where', () => {
    const text = formatRules([
      cors[0],
      { AllowedOrigins: [], AllowedMethods: ['GET', 'PATCH'], MaxAgeSeconds: -1, Extra: 1 } as never,
    ]);
    const parsed = parseCorsRules(text);
    assert.equal(parsed.ok, false);
    assert.deepEqual(problems(parsed), [
      'Rule 2: unknown field "Extra" (allowed: ID, AllowedOrigins, AllowedMethods, AllowedHeaders, ExposeHeaders, MaxAgeSeconds).',
      'Rule 2: AllowedOrigins must be a non-empty array of origins, e.g. ["https://example.com"] or ["*"].',
      'Rule 2: AllowedMethods has "PATCH"; R2 allows GET, PUT, POST, DELETE, HEAD.',
      'Rule 2: MaxAgeSeconds must be a whole number of seconds (0 or more).',
    ]);
    if (!parsed.ok) {
      assert.equal(text.slice(parsed.problems[0].offset, parsed.problems[0].offset + 1), '{');
      assert.ok(parsed.problems[0].offset > text.indexOf('"MaxAgeSeconds": 3600'));
    }
  });

  it('points at JSON syntax errors', () => {
    const parsed = parseCorsRules('[{"AllowedOrigins": ["*"],, }]');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.match(parsed.problems[0].message, /^Not valid JSON/);
      assert.equal(parsed.problems[0].offset, 26);
    }
    assert.deepEqual(problems(parseCorsRules('{"rules": []}')), [
      'The document must be a JSON array of CORS rules ([] removes them all).',
    ]);
  });

  it('checks lifecycle rules as R2 implements them', () => {
    assert.deepEqual(
      problems(
        parseLifecycleRules(
          JSON.stringify([
            { Status: 'On', Expiration: { Days: 0 } },
            { Status: 'Enabled' },
            { Status: 'Enabled', Transitions: [{ Days: 30, StorageClass: 'GLACIER' }] },
            { Status: 'Disabled', Expiration: { Days: 1, Date: '2030-01-01' } },
            {
              Status: 'Enabled',
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
              Expiration: { Date: '2030-01-01T00:00:00.000Z' },
            },
          ]),
        ),
      ),
      [
        'Rule 1: Status must be "Enabled" or "Disabled".',
        'Rule 1: Expiration.Days must be a positive whole number.',
        'Rule 2: needs an action: Expiration, Transitions or AbortIncompleteMultipartUpload.',
        'Rule 3: Transition.StorageClass must be "STANDARD_IA": R2 moves objects to Infrequent Access only.',
        'Rule 4: Expiration needs exactly one of Days or Date.',
      ],
    );
  });

  it('finds the elements of the top-level array, strings with brackets included', () => {
    const text = '[ {"a": "[x], {y}"}, [1, 2],\n "s" ]';
    assert.deepEqual(
      topLevelElementOffsets(text).map((offset) => text[offset]),
      ['{', '[', '"'],
    );
    assert.deepEqual(topLevelElementOffsets('[]'), []);
  });

  it('opens a bucket without rules as a commented template that is no rules, and whose example is a valid rule', () => {
    for (const kind of ['cors', 'lifecycle'] as const) {
      const template = formatDocument(kind, []);
      assert.match(template, /^\/\/ /);
      const parse = kind === 'cors' ? parseCorsRules : parseLifecycleRules;
      assert.deepEqual(parse(template), { ok: true, rules: [] });
      // Uncommenting the example (Ctrl+/ on its lines) gives one valid rule.
      const uncommented = template.replace(/^ {2}\/\/ ?/gm, '  ');
      const parsed = parse(uncommented);
      assert.equal(parsed.ok && parsed.rules.length, 1, JSON.stringify(parsed));
    }
    assert.equal(formatDocument('cors', cors), formatRules(cors));
  });

  it('reads comments as blanks, keeping offsets and strings', () => {
    const text = '[ // rules\n  { "AllowedOrigins": ["https://a//b"], /* why */ "AllowedMethods": ["GET"] }\n]';
    const blanked = blankComments(text);
    assert.equal(blanked.length, text.length);
    assert.equal(blanked.split('\n').length, text.split('\n').length);
    assert.ok(blanked.includes('"https://a//b"'));
    assert.ok(!blanked.includes('rules') && !blanked.includes('why'));
    assert.deepEqual(parseCorsRules(text), {
      ok: true,
      rules: [{ AllowedOrigins: ['https://a//b'], AllowedMethods: ['GET'] }],
    });
    assert.equal(blankComments('"a \\" // b" // c'), '"a \\" // b"     ');
  });
});
