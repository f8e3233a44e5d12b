import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useStoredQuery } from '../app/answer-store';
import { currentEdition } from '../app/current-edition';
import { graphql } from '../gql';

export const EditionChoice = graphql(`
  query EditionChoice {
    editions {
      id
      name
      year
      startsOn
      endsOn
      timezone
    }
  }
`);

const NO_VARIABLES = {};

/**
 * The edition a page shows: `?edition=<id>` when the URL names one, else the current edition (the
 * one running now, else the next one). `keep(path)` carries an explicit `?edition=` on to a link, so
 * the choice survives moving between pages.
 */
export function useEditionChoice() {
  const [params] = useSearchParams();
  const wanted = params.get('edition');
  const { data, loading, error } = useStoredQuery(EditionChoice, NO_VARIABLES);
  const list = data?.editions ?? [];
  const edition = list.find((e) => e.id === wanted) ?? currentEdition(list);
  const keep = useCallback(
    (path: string) => {
      if (!wanted) return path;
      const [base, query = ''] = path.split('?');
      const search = new URLSearchParams(query);
      search.set('edition', wanted);
      return `${base}?${search.toString()}`;
    },
    [wanted],
  );
  return { edition, editions: list, wanted, loading, error, keep, loaded: !!data };
}
