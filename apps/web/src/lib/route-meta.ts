import type { ComponentType } from 'react';
import { createContext, useContext } from 'react';

export interface RouteLink {
  path: string;
  title: string;
  icon: ComponentType;
}

export interface RouteMeta {
  /** The current page's title (from the route table, in the UI language). */
  title: string;
  /** From the home page down to the current page. */
  breadcrumb: { path?: string; title: string }[];
  /** The pages this user may open, in menu order. */
  links: RouteLink[];
}

/** Provided by the console layout from the route table, so pages never hard-code their own titles. */
export const RouteMetaContext = createContext<RouteMeta>({ title: '', breadcrumb: [], links: [] });

export function useRouteMeta(): RouteMeta {
  return useContext(RouteMetaContext);
}
