import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from './admin';
import { ApiError, api } from './client';
import { qs } from './workspace/query';

/** CSV imports (admins, recruiters, coordinators): `/api/v1/imports`. */

export type ImportKind = 'candidates' | 'requisitions' | 'applications';

export type ImportIssue = { line: number | null; column: string | null; message: string };

export type ImportReport = { rows: number; created: number; updated: number; skipped: number; errorCount: number; errors: ImportIssue[] };

export type ImportRecord = {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: 'succeeded' | 'failed';
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  createdBy: { id: string | null; name: string };
  createdAt: string;
};

export type ImportFile = { kind: ImportKind; fileName: string; csv: string };

/** What a check or an import came back with: the report, and whether anything was written. */
export type ImportOutcome = { ok: boolean; written: boolean; report: ImportReport };

const keys = { list: ['imports'] as const };

export function useImports(cursor: string | undefined) {
  return useQuery({
    queryKey: [...keys.list, cursor],
    queryFn: ({ signal }) => api.get<Page<ImportRecord>>(`/api/v1/imports${qs({ cursor, limit: 10 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** A dry run: every row checked against the current data, nothing written. */
export function useCheckImport() {
  return useMutation({
    mutationFn: async (file: ImportFile): Promise<ImportOutcome> => {
      const result = await api.post<{ ok: boolean; report: ImportReport }>('/api/v1/imports', { ...file, dryRun: true });
      return { ok: result.ok, written: false, report: result.report };
    },
  });
}

/** The real import. A refused one (422) still carries its report, which is what the page shows. */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: ImportFile): Promise<ImportOutcome> => {
      try {
        const record = await api.post<ImportRecord & { report: ImportReport }>('/api/v1/imports', { ...file, dryRun: false });
        return { ok: true, written: true, report: record.report };
      } catch (error) {
        const report = error instanceof ApiError && error.status === 422 ? (error.details as { report?: ImportReport } | undefined)?.report : undefined;
        if (report) return { ok: false, written: false, report };
        throw error;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.list }),
  });
}
