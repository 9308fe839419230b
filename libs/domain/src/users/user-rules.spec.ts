import { Role } from '../roles';
import { belongsToBureau, bureauAssignmentProblem, USERNAME_PATTERN } from './user-rules';

describe('bureauAssignmentProblem', () => {
  it.each([[[Role.Staff]], [[Role.Manager]], [[Role.Director]], [[Role.Staff, Role.Manager]], [[Role.Admin, Role.Director]], [[Role.ReformOffice, Role.Staff]]])(
    'requires a bureau for %j',
    (roles) => {
      expect(belongsToBureau(roles)).toBe(true);
      expect(bureauAssignmentProblem(roles, 'kodomo')).toBeNull();
      expect(bureauAssignmentProblem(roles, null)).toContain('所属局（bureauCode）を指定してください');
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
