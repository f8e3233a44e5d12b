import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { bootstrapPolicy } from '../app/bootstrap';
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

/**
 * The edition a page shows: `?edition=<id>` when the URL names one, else the current edition (the
 * one running now, else the next one). `keep(path)` carries an explicit `?edition=` on to a link, so
 * the choice survives moving between pages.
 */
export function useEditionChoice() {
  const [params] = useSearchParams();
  const wanted = params.get('edition');
  const { data, loading, error } = useQuery(EditionChoice, { fetchPolicy: bootstrapPolicy('EditionChoice') });
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
