import { REFUSAL_CODES, REFUSAL_REASONS } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpStatusOf } from './problem-details';

describe('the reason codes in the README', () => {
  const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `([a-z.-]+)` \| (\d{3}) \| ([^|]+) \|/gm)].map(([, code, status, title]) => [code, { status: Number(status), title: title.trim() }]));

  it('lists every code with the status and title the API answers with, and no other', () => {
    expect([...rows.keys()].sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      expect({ code, ...rows.get(code) }).toEqual({ code, status: httpStatusOf({ code, message: '' }), title: REFUSAL_REASONS[code].title });
    }
  });
});
