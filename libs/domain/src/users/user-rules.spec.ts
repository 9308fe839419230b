import { Role } from '../roles';
import { belongsToBureau, bureauAssignmentProblem, selfLockoutProblem, USERNAME_PATTERN } from './user-rules';

describe('bureauAssignmentProblem', () => {
  it.each([[[Role.Staff]], [[Role.Manager]], [[Role.Director]], [[Role.Staff, Role.Manager]], [[Role.Admin, Role.Director]], [[Role.ReformOffice, Role.Staff]]])(
    'requires a bureau for %j',
    (roles) => {
      expect(belongsToBureau(roles)).toBe(true);
      expect(bureauAssignmentProblem(roles, 'kodomo')).toBeNull();
      expect(bureauAssignmentProblem(roles, null)).toContain('の役割を持つ利用者には所属局を指定してください');
    },
  );

  it.each([[[Role.Admin]], [[Role.ReformOffice]], [[Role.Admin, Role.ReformOffice]]])('forbids a bureau for %j', (roles) => {
    expect(belongsToBureau(roles)).toBe(false);
    expect(bureauAssignmentProblem(roles, null)).toBeNull();
    expect(bureauAssignmentProblem(roles, 'kodomo')).toContain('指定できません');
  });

  it('treats an empty role list as not belonging to a bureau (the API refuses it earlier)', () => {
    expect(belongsToBureau([])).toBe(false);
    expect(bureauAssignmentProblem([], null)).toBeNull();
  });
});

describe('USERNAME_PATTERN', () => {
  it.each(['abc', 'kodomo.staff', 'reform-office_1', 'A'.repeat(64)])('accepts %j', (username) => {
    expect(USERNAME_PATTERN.test(username)).toBe(true);
  });

  it.each(['ab', 'A'.repeat(65), 'has space', '山田', 'a/b', 'x@y'])('refuses %j', (username) => {
    expect(USERNAME_PATTERN.test(username)).toBe(false);
  });
});

describe('selfLockoutProblem', () => {
  const ME = 'me';

  it('lets an administrator change other accounts in any way, including deactivating other admins', () => {
    expect(selfLockoutProblem(ME, { id: 'other', roles: [Role.Staff], active: false })).toBeNull();
    expect(selfLockoutProblem(ME, { id: 'other', roles: [Role.ReformOffice], active: true })).toBeNull();
  });

  it('lets an administrator change their own account while they stay an active admin', () => {
    expect(selfLockoutProblem(ME, { id: ME, roles: [Role.Admin], active: true })).toBeNull();
    expect(selfLockoutProblem(ME, { id: ME, roles: [Role.ReformOffice, Role.Admin], active: true })).toBeNull();
  });

  it('refuses deactivating oneself, naming active', () => {
    expect(selfLockoutProblem(ME, { id: ME, roles: [Role.Admin], active: false })).toEqual({ field: 'active', problem: expect.stringContaining('無効化できません') });
  });

  it('refuses giving up one’s own admin role, naming roles', () => {
    expect(selfLockoutProblem(ME, { id: ME, roles: [Role.ReformOffice], active: true })).toEqual({ field: 'roles', problem: expect.stringContaining('システム管理者の役割は外せません') });
  });
});
