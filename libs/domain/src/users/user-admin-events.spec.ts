import { accountChanges, UserAdminAction, updateActionOf } from './user-admin-events';

const account = { displayName: '環境 花子', roles: ['staff', 'manager'], bureauCode: 'kankyo', email: null, active: true };

describe('what a user-administration act changed', () => {
  it('lists each changed field with its value before and after', () => {
    const changes = accountChanges(account, { ...account, roles: ['manager'], bureauCode: 'kodomo' });
    expect(changes).toEqual({ roles: { from: ['staff', 'manager'], to: ['manager'] }, bureauCode: { from: 'kankyo', to: 'kodomo' } });
    expect(updateActionOf(changes)).toBe(UserAdminAction.Update);
  });

  it('compares roles as a set, so a reordering is no change', () => {
    expect(accountChanges(account, { ...account, roles: ['manager', 'staff'] })).toEqual({});
  });

  it('names deactivation and reactivation as such', () => {
    expect(updateActionOf(accountChanges(account, { ...account, active: false }))).toBe(UserAdminAction.Deactivate);
    expect(updateActionOf(accountChanges({ ...account, active: false }, account))).toBe(UserAdminAction.Reactivate);
  });
});
