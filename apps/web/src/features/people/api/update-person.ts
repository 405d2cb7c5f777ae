import type { Person, UpdatePerson } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/people/{id} */
export function updatePerson({ id, body }: { id: string; body: UpdatePerson }): Promise<Person> {
  return api.patch<Person>(`/api/people/${id}`, body);
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}
