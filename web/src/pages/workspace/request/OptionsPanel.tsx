import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { useBookRequest, useRequestOptions } from '../../../api/workspace/requests';
import type { Alternative, Explanation, Interview, SchedulingRequest } from '../../../api/workspace/types';
import { QueryState } from '../shared';
import { AlternativesList } from './AlternativesList';
import { Explanations } from './Explanations';
import { OptionCard } from './OptionCard';
import { OverrideModal } from './OverrideModal';

type Refusal = { optionId: string; violations: Explanation[] };

/** Solver options side by side; booking one, with a reasoned override for load limits and fresh alternatives on 409. */
export function OptionsPanel({ request, onBooked }: { request: SchedulingRequest; onBooked: (interview: Interview) => void }) {
  const canBook = request.actions.book.allowed;
  const [count, setCount] = useState<number | undefined>(undefined);
  const options = useRequestOptions(request.id, true, count);
  const book = useBookRequest(request.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [alternatives, setAlternatives] = useState<Alternative[] | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const items = options.data?.options ?? [];
  const stageLink = `/requisitions/${request.requisition.id}?stage=${request.stage.id}`;

  const submit = (optionId: string, override?: { reason: string }) => {
    setPendingId(optionId);
    book.mutate(
      { optionId, ...(override ? { override } : {}) },
      {
        onSuccess: (interview) => {
          setRefusal(null);
          setAlternatives(null);
          onBooked(interview);
        },
        onError: (error) => {
          const details = error instanceof ApiError ? (error.details as { overrideRequired?: boolean; violations?: Explanation[]; alternatives?: Alternative[] } | undefined) : undefined;
          if (error instanceof ApiError && error.status === 422 && details?.overrideRequired && !override) {
            setRefusal({ optionId, violations: details.violations ?? [] });
          } else if (error instanceof ApiError && error.status === 409) {
            setRefusal(null);
            setAlternatives(details?.alternatives ?? []);
            void options.refetch();
          }
        },
        onSettled: () => setPendingId(null),
      },
    );
  };

  const showError = book.error && !(book.error instanceof ApiError && book.error.status === 422 && refusal);

  return (
    <Stack gap="sm" component="section" aria-labelledby="options-heading">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="options-heading">
          Solver options
        </Title>
        <Group gap="xs" align="flex-end">
          <NumberInput label="How many" size="xs" w={100} min={1} max={10} value={count ?? ''} placeholder="Stage" onChange={(v) => setCount(typeof v === 'number' ? v : undefined)} />
          <Button variant="default" size="xs" onClick={() => void options.refetch()} loading={options.isFetching}>
            Refresh
          </Button>
        </Group>
      </Group>
      {showError && (
        <Alert color="red" title={book.error instanceof ApiError && book.error.status === 409 ? 'That time is gone' : 'Could not book'} role="alert">
          {book.error.message}
        </Alert>
      )}
      {alternatives && <AlternativesList alternatives={alternatives} zone={request.candidate.timeZone} canBook={canBook} pendingId={pendingId} onBook={(id) => submit(id)} />}
      <QueryState isPending={options.isPending} error={options.error} isEmpty={false} empty="">
        {items.length === 0 ? (
          <Explanations explanations={options.data?.explanations ?? []} stageLink={stageLink} title="No option fits the stage’s rules" />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {items.map((option, index) => (
                <OptionCard key={option.id} option={option} index={index} canBook={canBook} booking={pendingId === option.id} onBook={() => submit(option.id)} />
              ))}
            </SimpleGrid>
            <Explanations explanations={options.data?.explanations ?? []} stageLink={stageLink} title="Fewer options than asked" />
          </>
        )}
      </QueryState>
      {!canBook && items.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="book-refusal">
          {request.actions.book.reason}
        </Text>
      )}
      <OverrideModal
        refusal={refusal}
        pending={book.isPending}
        error={refusal && book.error instanceof ApiError && book.error.status !== 422 ? book.error : null}
        onClose={() => {
          setRefusal(null);
          book.reset();
        }}
        onSubmit={(reason) => refusal && submit(refusal.optionId, { reason })}
      />
    </Stack>
  );
}
