import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { BUREAUS_KEY } from '../bureaus/bureaus.queries';

export type UserView = components['schemas']['UserView'];
export type CreateUser = components['schemas']['CreateUserRequest'];
export type UpdateUser = components['schemas']['UpdateUserRequest'];
export type UserRole = UserView['roles'][number];
export interface UserFilter {
  readonly page: number;
  readonly role?: UserRole;
  readonly bureau?: string;
  readonly active?: boolean;
}

export const USERS_PAGE_SIZE = 20;
const USERS_KEY = ['users'] as const;

export const useUsers = (filter: UserFilter) =>
  useQuery({
    queryKey: [...USERS_KEY, filter],
    queryFn: () => answer(api.GET('/api/v1/users', { params: { query: { ...filter, pageSize: USERS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export const useCreateUser = (onDone: (user: UserView) => void) =>
  useAction({ act: (user: CreateUser, key) => answer(api.POST('/api/v1/users', { body: user, headers: idempotencyHeader(key) })), refreshes: [USERS_KEY], onDone });

export const useUpdateUser = (onDone?: (user: UserView) => void) =>
  useAction({
    act: ({ id, change }: { id: string; change: UpdateUser }, key) => answer(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: change, headers: idempotencyHeader(key) })),
    refreshes: [USERS_KEY],
    onDone,
  });

export const useSetPassword = () =>
  useAction({
    act: ({ id, password }: { id: string; password: string }, key) =>
      answer(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password }, headers: idempotencyHeader(key) })),
    refreshes: [],
  });

export const useCreateBureau = (onDone: () => void) =>
  useAction({
    act: (bureau: { code: string; name: string }, key) => answer(api.POST('/api/v1/bureaus', { body: bureau, headers: idempotencyHeader(key) })),
    refreshes: [BUREAUS_KEY],
    onDone,
  });

export type UserAdminEvent = components['schemas']['UserAdminEventView'];
export const USER_HISTORY_PAGE_SIZE = 20;

/** Under the users' key, so every change of a user refreshes it. */
export const useUserHistory = (userId: string, page: number) =>
  useQuery({
    queryKey: [...USERS_KEY, 'history', userId, page],
    queryFn: () => answer(api.GET('/api/v1/users/history', { params: { query: { userId, page, pageSize: USER_HISTORY_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export type DeliveryView = components['schemas']['DeliveryView'];
export type DeliveryStatus = DeliveryView['status'];
export interface DeliveryFilter {
  readonly page: number;
  readonly status?: DeliveryStatus;
}

export const DELIVERIES_PAGE_SIZE = 50;

export const useDeliveries = (filter: DeliveryFilter) =>
  useQuery({
    queryKey: ['notification-deliveries', filter],
    queryFn: () => answer(api.GET('/api/v1/notification-deliveries', { params: { query: { ...filter, pageSize: DELIVERIES_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
