import { strict as assert } from 'node:assert';
import { checkNameTemplate, nameFiles } from '../../../src/operations/nameTemplate';
import type { NameTemplate } from '../../../src/operations/nameTemplate';

// 1 December 2026, 09:05:07 local time: single digits show the padding.
const NOW = new Date(2026, 11, 1, 9, 5, 7);
const SETTING = 'r2.upload.nameTemplate';

function named(template: string): NameTemplate {
  let count = 0;
  const checked = checkNameTemplate(SETTING, template, NOW, () => `uuid-${++count}`);
  assert.ok(checked.ok, checked.ok ? '' : checked.reason);
  return checked.name;
}

function refusal(template: string): string {
  const checked = checkNameTemplate(SETTING, template, NOW);
  assert.ok(!checked.ok, `${template} was accepted`);
  return checked.reason;
}

describe('name templates', () => {
  it('fill ${fileName}, ${date} and ${dateTime} (local time, no colons) and give each name its own ${uuid}', () => {
    assert.equal(named('${fileName}')('a.png'), 'a.png');
    assert.equal(named('${date}-${fileName}')('a.png'), '2026-12-01-a.png');
    assert.equal(named('shot ${dateTime}.png')('ignored.png'), 'shot 2026-12-01-090507.png');
    const name = named('${uuid}-${fileName}');
    assert.deepEqual([name('a'), name('b')], ['uuid-1-a', 'uuid-2-b']);
    const real = checkNameTemplate(SETTING, '${uuid}.png');
    assert.ok(real.ok);
    assert.match(real.name('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.png$/);
  });

  it('refuse unknown variables, naming each and the setting', () => {
    assert.equal(
      refusal('${name}-${fileName}-${Date}'),
      'The setting r2.upload.nameTemplate uses ${name}, ${Date}, which are not variables. It may use ${fileName}, ${date}, ${dateTime}, ${uuid}.',
    );
    assert.match(refusal('${}.png'), /uses \$\{\}, which is not a variable/);
    assert.match(refusal('a-${date'), /has a "\$\{" without its closing "\}"/);
  });

  it('refuse names holding "/" and names that would be empty, "." or ".."', () => {
    assert.match(refusal('${date}/${fileName}'), /may not hold "\/"/);
    assert.match(refusal(''), /gives an empty name/);
    assert.match(refusal('  '), /gives an empty name/);
    assert.match(refusal('..'), /gives an empty name, "\." or "\.\."/);
  });

  it('name only the last segment of a key, and refuse the later of two files given the same key', () => {
    const files = [
      { path: '/l/a.png', relativeKey: 'shots/a.png', size: 1 },
      { path: '/l/b.png', relativeKey: 'shots/b.png', size: 2 },
      { path: '/l/c.png', relativeKey: 'c.png', size: 3 },
    ];
    assert.deepEqual(nameFiles(files, named('${date}-${fileName}')).files, [
      { path: '/l/a.png', relativeKey: 'shots/2026-12-01-a.png', size: 1 },
      { path: '/l/b.png', relativeKey: 'shots/2026-12-01-b.png', size: 2 },
      { path: '/l/c.png', relativeKey: '2026-12-01-c.png', size: 3 },
    ]);
    const clash = nameFiles(files, named('${date}.png'));
    assert.deepEqual(
      clash.files.map((file) => file.relativeKey),
      ['shots/2026-12-01.png', '2026-12-01.png'],
    );
    assert.deepEqual(clash.refused, [
      { name: '/l/b.png', reason: 'the name template gives it the same name as /l/a.png' },
    ]);
  });
});
