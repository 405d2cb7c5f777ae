import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/**
 * Query keys start with the API module's plural name ('units', 'grids', 'regions' …) so a mutation
 * invalidates everything about that entity — lists, details, pickers — with one prefix.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not heal by asking again; network blips and 5xx may.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
