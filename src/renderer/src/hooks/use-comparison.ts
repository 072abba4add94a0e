// Loading a comparison of two articles, or a matrix of several.
import { useEffect, useState } from 'react';
import { api, type CompareMatrix, type CompareResult } from '../api/index.ts';

export function useComparison(a: number, b: number, version: number): { result: CompareResult | null; error: string | null } {
  const [state, setState] = useState<{ key: string; result: CompareResult | null; error: string | null }>({ key: '', result: null, error: null });
  const key = `${a}|${b}|${version}`;
  useEffect(() => {
    let live = true;
    api.call('compare.articles', { a, b }).then(
      (result) => live && setState({ key, result, error: null }),
      (error: unknown) => live && setState({ key, result: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [a, b, key]);
  // Keep showing the previous comparison while the next loads (swap, say), never a blank.
  return state.key === key || state.result ? { result: state.result, error: state.key === key ? state.error : null } : { result: null, error: null };
}

export function useMatrix(ids: readonly number[], version: number): { matrix: CompareMatrix | null; error: string | null } {
  const [state, setState] = useState<{ matrix: CompareMatrix | null; error: string | null }>({ matrix: null, error: null });
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    api.call('compare.matrix', { ids: key.split(',').map(Number) }).then(
      (matrix) => live && setState({ matrix, error: null }),
      (error: unknown) => live && setState({ matrix: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  return state;
}
