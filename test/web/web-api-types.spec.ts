import { readFileSync } from 'node:fs';
import { renderWebApiTypes, WEB_API_TYPES_PATH } from '../../tools/build/web-api-types';

describe('the web app API types', () => {
  it('match the OpenAPI document the API builds now (npm run api-types regenerates them)', async () => {
    expect(readFileSync(WEB_API_TYPES_PATH, 'utf8')).toBe(await renderWebApiTypes());
  });
});
