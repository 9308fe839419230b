import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';

const INBOX_KEY = ['me', 'notifications'] as const;

export const TASKS_PAGE_SIZE = 50;
export const INBOX_PAGE_SIZE = 20;

/** What the caller owes in the X policies and the Platinum proposals, beside the clusters' tasks. */
export const useProcessTasks = (page: number) =>
  useQuery({
    queryKey: ['me', 'process-tasks', page],
    queryFn: () => answer(api.GET('/api/v1/me/process-tasks', { params: { query: { page, pageSize: TASKS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export const useTasks = (page: number) =>
  useQuery({
    queryKey: ['me', 'tasks', page],
    queryFn: () => answer(api.GET('/api/v1/me/tasks', { params: { query: { page, pageSize: TASKS_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

/** The inbox; polled, so a reminder that arrives while the page is open shows up in the unread count. */
export const useInbox = (page = 1) =>
  useQuery({
    queryKey: [...INBOX_KEY, page],
    queryFn: () => answer(api.GET('/api/v1/me/notifications', { params: { query: { page, pageSize: INBOX_PAGE_SIZE } } })),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

export const useFiscalYears = () => useQuery({ queryKey: ['fiscal-years'], queryFn: () => answer(api.GET('/api/v1/fiscal-years')), staleTime: 5 * 60_000 });

export const useMeetings = (fiscalYear: number | undefined) =>
  useQuery({
    queryKey: ['fiscal-years', fiscalYear, 'meetings'],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/meetings', { params: { path: { fy: fiscalYear! } } })),
    enabled: fiscalYear !== undefined,
  });

/** 既読にする: one key per click, kept across retries of that click. */
export const useMarkRead = () =>
  useAction({
    act: ({ id }: { id: string }, key) => answer(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } }, headers: idempotencyHeader(key) })),
    refreshes: [INBOX_KEY],
  });

export const useMarkAllRead = () =>
  useAction({
    act: (_: void, key) => answer(api.POST('/api/v1/me/notifications/read-all', { headers: idempotencyHeader(key) })),
    refreshes: [INBOX_KEY],
  });
