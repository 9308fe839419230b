/** Who a user is in the programme; every user but admins and the reform office belongs to a bureau. */
export enum Role {
  Staff = 'staff',
  Manager = 'manager',
  Director = 'director',
  ReformOffice = 'reform-office',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.Staff]: '担当職員',
  [Role.Manager]: '課長',
  [Role.Director]: '局長',
  [Role.ReformOffice]: '市政変革室',
  [Role.Admin]: 'システム管理者',
};
