import { BUREAU_CODE_PATTERN, BUREAU_NAME_MAX_LENGTH, bureauAssignmentProblem, Role, USERNAME_PATTERN } from '@app/domain';
import { DEMO_ORGANISATION, DEMO_PASSWORD } from './demo-organisation';
import { FY2024_CLUSTERS } from './fy2024-catalogue';

describe('DEMO_ORGANISATION', () => {
  const { bureaus, users, clusterOwners } = DEMO_ORGANISATION;
  const bureauCodes = bureaus.map((bureau) => bureau.code);

  it('has about eight bureaus with valid, distinct codes and Japanese names', () => {
    expect(bureaus.length).toBeGreaterThanOrEqual(8);
    expect(new Set(bureauCodes).size).toBe(bureaus.length);
    for (const bureau of bureaus) {
      expect(bureau.code).toMatch(BUREAU_CODE_PATTERN);
      expect(bureau.name).toMatch(/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・]+$/u);
      expect(bureau.name.length).toBeLessThanOrEqual(BUREAU_NAME_MAX_LENGTH);
    }
    expect(bureaus.map((bureau) => bureau.name)).toEqual(expect.arrayContaining(['子ども家庭局', '環境局', '保健福祉局', '財政・変革局']));
  });

  it('gives every FY2024 cluster exactly one owning bureau from the demo bureaus', () => {
    expect(DEMO_ORGANISATION.fiscalYear).toBe(2024);
    const owned = Object.keys(clusterOwners).map(Number).sort((a, b) => a - b);
    expect(owned).toEqual(FY2024_CLUSTERS.map((cluster) => cluster.no).sort((a, b) => a - b));
    for (const code of Object.values(clusterOwners)) expect(bureauCodes).toContain(code);
  });

  it('places the clusters whose owner is obvious from their name', () => {
    const ownerOf = (name: string) => clusterOwners[FY2024_CLUSTERS.find((cluster) => cluster.name === name)!.no];
    expect(ownerOf('保育所・幼稚園')).toBe('kodomo');
    expect(ownerOf('ごみ処理事業')).toBe('kankyo');
    expect(ownerOf('国民健康保険事業（特別会計）')).toBe('hoken-fukushi');
    expect(ownerOf('消防体制の整備事業')).toBe('shobo');
    expect(ownerOf('小・中・特別支援学校')).toBe('kyoiku');
    expect(ownerOf('補助金・負担金の見直し')).toBe('zaisei-henkaku');
  });

  it('has a staff member, a manager and a director in every bureau, named <bureau>.<role>', () => {
    for (const code of bureauCodes) {
      for (const role of [Role.Staff, Role.Manager, Role.Director]) {
        const user = users.find((candidate) => candidate.username === `${code}.${role}`);
        expect(user).toMatchObject({ roles: [role], bureauCode: code });
      }
    }
  });

  it('has two reform-office users without a bureau', () => {
    const office = users.filter((user) => user.roles.includes(Role.ReformOffice));
    expect(office).toHaveLength(2);
    expect(office.every((user) => user.bureauCode === null)).toBe(true);
  });

  it('makes only users the API itself would accept', () => {
    expect(new Set(users.map((user) => user.username)).size).toBe(users.length);
    for (const user of users) {
      expect(user.username).toMatch(USERNAME_PATTERN);
      expect(user.displayName.trim()).not.toBe('');
      expect(bureauAssignmentProblem(user.roles, user.bureauCode)).toBeNull();
    }
    expect(users.some((user) => user.roles.includes(Role.Admin))).toBe(false);
  });

  it('documents the shared demo password', () => {
    expect(DEMO_PASSWORD).toBe('demo-password');
  });
});
