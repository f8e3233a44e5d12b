import type { DocumentNode } from '@apollo/client';
import {
  EditionChoiceDocument,
  ProgrammeDayDocument,
  ProgrammeDaySeatsDocument,
  ProgrammeEditionDocument,
} from '../gql/graphql.ts';

/**
 * The programme's first answers, sent inside the page by the API (apps/api/src/web-bootstrap.ts): the
 * editions, the edition's rooms and tracks, the day and its seats. The app takes them into the answer
 * store before its first render (bootstrap.ts), so the programme appears with the page's scripts instead
 * of after a chain of round trips.
 *
 * The API asks these queries' own texts (the build prints them to bootstrap-queries.json from this list,
 * which is why it is a module of its own: vite.config.ts reads it), so what it answers is exactly what
 * the app would have asked for.
 */
export const BOOTSTRAP_DOCUMENTS: Record<string, DocumentNode> = {
  EditionChoice: EditionChoiceDocument,
  ProgrammeEdition: ProgrammeEditionDocument,
  ProgrammeDay: ProgrammeDayDocument,
  ProgrammeDaySeats: ProgrammeDaySeatsDocument,
};
