// Units, deputies, committees, sessions and categories, loaded once per page view and shared.
import { useEffect, useState } from 'react';
import { get } from './api';

export interface Unit { id: string; code: string; nameZh: string; shortZh?: string | null; nameEn?: string | null }
export interface Deputy { id: string; name: string; delegationName?: string | null }
export interface Committee { id: string; nameZh: string; nameEn?: string | null }
export interface Session { id: string; name: string; kind: string; startsOn: string; endsOn: string | null }
export interface Category { code: string; nameZh: string; nameEn: string | null }

const cache = new Map<string, Promise<any[]>>();
function load<T>(path: string): Promise<T[]> {
  if (!cache.has(path)) cache.set(path, get<{ items: T[] }>(path).then((r) => r.items, (e) => { cache.delete(path); throw e; }));
  return cache.get(path)!;
}

const NONE: never[] = [];
function useList<T>(path: string): T[] {
  return useLoaded<T>(path) ?? NONE;
}
/** undefined until the list has arrived, so "none" can be told apart from "not yet". */
function useLoaded<T>(path: string): T[] | undefined {
  const [items, setItems] = useState<T[]>();
  useEffect(() => { let live = true; load<T>(path).then((x) => live && setItems(x), () => undefined); return () => { live = false; }; }, [path]);
  return items;
}

export const useUnits = () => useList<Unit>('/units');
export const useDeputies = () => useList<Deputy>('/deputies');
export const useCommittees = () => useList<Committee>('/committees');
/** Newest first, as the server sends them. */
export const useSessions = () => useLoaded<Session>('/sessions');
export const useCategories = () => useList<Category>('/categories');

export function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}
